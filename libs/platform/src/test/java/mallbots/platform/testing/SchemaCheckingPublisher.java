package mallbots.platform.testing;

import java.util.List;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.schema.MessageSchemas;

/**
 * The publisher of the contexts' tests: every event the code publishes must validate against
 * its JSON Schema in events-schema, or the test fails right there, naming the field. Valid
 * events go on to the wrapped publisher (a recording one, or the real EventBridge publisher).
 */
public final class SchemaCheckingPublisher implements EventPublisher {

    private final EventPublisher next;
    private final MessageSchemas schemas = MessageSchemas.load();

    public SchemaCheckingPublisher(EventPublisher next) {
        this.next = next;
    }

    @Override
    public void publish(List<OutboundEvent> events) {
        for (OutboundEvent event : events) {
            List<String> errors = schemas.validateEntry(event.source(), event.detailType(), event.detail());
            if (!errors.isEmpty()) {
                throw new AssertionError("published " + event.source() + "/" + event.detailType()
                        + " does not fit its schema: " + String.join("; ", errors) + "\n" + event.detail());
            }
        }
        next.publish(events);
    }
}
