package mallbots.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import mallbots.platform.messaging.OutboundEvent;

/** One unpublished message in an item's outbox: the event, when it was written and its place in that write. */
public record OutboxEntry(OutboundEvent event, Instant writtenAt, int sequence) {

    public OutboxEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    public String messageId() {
        return event.messageId();
    }
}
