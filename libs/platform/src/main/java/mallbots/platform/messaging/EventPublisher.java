package mallbots.platform.messaging;

import java.util.List;

/** Puts events on the bus. Returns only when every event is accepted; otherwise throws. */
public interface EventPublisher {

    /**
     * Publishes all events, in batches as the bus allows.
     *
     * @throws PublishException naming the events that were not accepted; those that were are
     *                          listed in it too, so that an outbox marks only them published
     */
    void publish(List<OutboundEvent> events) throws PublishException;
}
