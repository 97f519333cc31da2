package mallbots.platform.messaging;

import java.util.Objects;

/**
 * One kind of message on the bus: who sends it ({@code source}, e.g. "mallbots.stores"), its
 * EventBridge detail-type (e.g. "StoreCreated") and the record its payload decodes into.
 */
public record MessageType<T>(String source, String detailType, Class<T> payloadType) {

    public MessageType {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!payloadType.isRecord()) {
            throw new IllegalArgumentException("a payload is a record: " + payloadType.getName());
        }
    }

    public static <T> MessageType<T> of(String source, String detailType, Class<T> payloadType) {
        return new MessageType<>(source, detailType, payloadType);
    }

    /** A new message of this type, starting a flow. */
    public Message<T> create(T data) {
        return new Message<>(this, Metadata.first(), data);
    }

    /** A new message of this type, caused by {@code cause} (same correlation id). */
    public Message<T> causedBy(Metadata cause, T data) {
        return new Message<>(this, Metadata.causedBy(cause), data);
    }
}
