package mallbots.platform.consumer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;

/** Which handler takes which message type, by detail-type. Built once, then read-only. */
public final class MessageHandlers {

    private final Map<String, Registration<?>> byDetailType;

    private MessageHandlers(Map<String, Registration<?>> byDetailType) {
        this.byDetailType = Collections.unmodifiableMap(new LinkedHashMap<>(byDetailType));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The handler of a detail-type, ready to take the decoded message. */
    Optional<Registration<?>> find(String detailType) {
        return Optional.ofNullable(byDetailType.get(detailType));
    }

    /** The message types handled here. */
    public List<MessageType<?>> types() {
        return byDetailType.values().stream().<MessageType<?>>map(Registration::type).toList();
    }

    Iterable<Registration<?>> registrations() {
        return byDetailType.values();
    }

    /** A handler with the type it takes, so that a decoded message reaches it typed. */
    record Registration<T>(MessageType<T> type, MessageHandler<T> handler) {

        void deliver(Message<?> message) {
            if (!message.type().equals(type)) {
                throw new IllegalArgumentException(message.detailType() + " is not " + type);
            }
            @SuppressWarnings("unchecked") // checked just above: the message is of this registration's type
            Message<T> typed = (Message<T>) message;
            handler.handle(typed);
        }
    }

    public static final class Builder {
        private final Map<String, Registration<?>> byDetailType = new LinkedHashMap<>();

        private Builder() {
        }

        public <T> Builder on(MessageType<T> type, MessageHandler<T> handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            if (byDetailType.putIfAbsent(type.detailType(), new Registration<>(type, handler)) != null) {
                throw new IllegalArgumentException("a handler for " + type.detailType() + " is already registered");
            }
            return this;
        }

        public MessageHandlers build() {
            return new MessageHandlers(byDetailType);
        }
    }
}
