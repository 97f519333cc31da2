package mallbots.platform.saga;

import java.util.Objects;
import mallbots.platform.messaging.MessageType;

/** A command a saga step sends (its action or its compensation): the message type and its payload. */
public record SagaCommand<C>(MessageType<C> type, C data) {

    public SagaCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!type.payloadType().isInstance(data)) {
            throw new IllegalArgumentException(type.detailType() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
    }

    public static <C> SagaCommand<C> of(MessageType<C> type, C data) {
        return new SagaCommand<>(type, data);
    }
}
