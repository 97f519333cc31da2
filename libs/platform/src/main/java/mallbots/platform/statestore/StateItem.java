package mallbots.platform.statestore;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A state item as read: its key, its version (1 after the first write), its state, the ids of
 * the messages it applied most recently (oldest first), the aggregate version it reflects (for
 * caches fed by aggregate events) and the raw item (for the caller's own attributes).
 */
public record StateItem<T>(String key, long version, T state, List<String> applied, Long aggregateVersion,
        Map<String, AttributeValue> item) {

    public StateItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        applied = List.copyOf(applied);
        item = Map.copyOf(item);
    }

    public boolean hasApplied(String messageId) {
        return applied.contains(messageId);
    }

    public Optional<Long> reflectedAggregateVersion() {
        return Optional.ofNullable(aggregateVersion);
    }
}
