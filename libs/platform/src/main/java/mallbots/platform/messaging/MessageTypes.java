package mallbots.platform.messaging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message types a function knows, by detail-type. Detail-types are unique on the bus; a
 * function registers the ones it consumes and publishes, and nothing else decodes.
 */
public final class MessageTypes {

    private final Map<String, MessageType<?>> byDetailType;

    private MessageTypes(Map<String, MessageType<?>> byDetailType) {
        this.byDetailType = Map.copyOf(byDetailType);
    }

    public static MessageTypes of(MessageType<?>... types) {
        return of(List.of(types));
    }

    public static MessageTypes of(Collection<? extends MessageType<?>> types) {
        Map<String, MessageType<?>> map = new LinkedHashMap<>();
        for (MessageType<?> type : types) {
            MessageType<?> previous = map.putIfAbsent(type.detailType(), type);
            if (previous != null && !previous.equals(type)) {
                throw new IllegalArgumentException("detail-type " + type.detailType() + " registered twice");
            }
        }
        return new MessageTypes(map);
    }

    public Optional<MessageType<?>> find(String detailType) {
        return Optional.ofNullable(byDetailType.get(detailType));
    }

    public Collection<MessageType<?>> all() {
        return byDetailType.values();
    }

    public MessageTypes plus(MessageTypes other) {
        Map<String, MessageType<?>> map = new LinkedHashMap<>(byDetailType);
        other.byDetailType.forEach((k, v) -> {
            MessageType<?> previous = map.putIfAbsent(k, v);
            if (previous != null && !previous.equals(v)) {
                throw new IllegalArgumentException("detail-type " + k + " registered twice");
            }
        });
        return new MessageTypes(map);
    }
}
