package mallbots.platform.messaging;

import java.util.Objects;

/**
 * A message ready for PutEvents: its id (for logs and for the outbox's bookkeeping), source,
 * detail-type and the encoded detail. This is also what an outbox stores.
 */
public record OutboundEvent(String messageId, String source, String detailType, String detail) {

    public OutboundEvent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(detail, "detail");
    }

    public static OutboundEvent of(Message<?> message, MessageCodec codec) {
        return new OutboundEvent(message.messageId(), message.source(), message.detailType(),
                codec.encodeDetail(message));
    }
}
