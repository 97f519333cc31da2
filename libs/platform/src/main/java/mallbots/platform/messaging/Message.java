package mallbots.platform.messaging;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** A message: its type (source and detail-type), its metadata and its payload. */
public record Message<T>(MessageType<T> type, Metadata metadata, T data) {

    public Message {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(data, "data");
        if (!type.payloadType().isInstance(data)) {
            throw new IllegalArgumentException(type.detailType() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
    }

    public String source() {
        return type.source();
    }

    public String detailType() {
        return type.detailType();
    }

    public String messageId() {
        return metadata.messageId();
    }

    public Message<T> withMetadata(UnaryOperator<Metadata> change) {
        return new Message<>(type, change.apply(metadata), data);
    }
}
