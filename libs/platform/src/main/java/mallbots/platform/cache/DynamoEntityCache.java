package mallbots.platform.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import mallbots.platform.table.BatchGet;
import mallbots.platform.table.ContextTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An {@link EntityCache} as state items in the caching context's table: {@code pk} = the key
 * prefix + the entity's id ({@code "product#<id>"}; and {@code sk} = a fixed number in a table
 * that also holds aggregate histories), {@code state} = the entry as JSON, {@code version} for the
 * conditional write, and, once the entity is removed, {@code removedAt} = the aggregate version
 * of the removal (the tombstone).
 *
 * <p>A merge reads the item, merges and writes only if the entry changed: one conditional write
 * ({@code version} = the version read) per change, as every state item; a lost race reads and
 * merges again. A duplicate or late event writes nothing, so the item keeps no message ids.
 */
public final class DynamoEntityCache<E> implements EntityCache<E> {

    static final String REMOVED_AT = "removedAt";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final String keyPrefix;
    private final Function<String, E> blank;
    private final StateStore<E> items;

    private DynamoEntityCache(Builder<E> builder) {
        this.dynamo = builder.dynamo;
        this.tableName = builder.tableName;
        this.keyPrefix = Objects.requireNonNull(builder.keyPrefix, "keyPrefix");
        this.blank = Objects.requireNonNull(builder.blank, "blank");
        StateStore.Builder<E> items = StateStore.builder(dynamo, tableName, builder.entryType)
                .publisher(events -> {
                    throw new IllegalStateException("a cache publishes nothing, yet was asked to publish " + events);
                });
        if (builder.sortKey != null) {
            items.sortKey(builder.sortKey);
        }
        this.items = items.build();
    }

    /**
     * A cache of {@code entryType} entries in {@code tableName}; give it its
     * {@linkplain Builder#keyPrefix key prefix} and its {@linkplain Builder#blank blank entry}.
     */
    public static <E> Builder<E> builder(DynamoDbClient dynamo, String tableName, Class<E> entryType) {
        return new Builder<>(dynamo, tableName, entryType);
    }

    /** The partition key of the entity's item. */
    public String keyOf(String id) {
        return keyPrefix + id;
    }

    @Override
    public Optional<E> find(String id) {
        return items.get(keyOf(id)).filter(item -> !removed(item)).map(StateItem::state);
    }

    @Override
    public boolean removed(String id) {
        return items.get(keyOf(id)).filter(DynamoEntityCache::removed).isPresent();
    }

    @Override
    public Map<String, E> findAll(Collection<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, E> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : distinct.subList(from, Math.min(distinct.size(), from + BatchGet.MAX_KEYS))) {
                keys.add(items.keyOf(keyOf(id)));
            }
            for (Map<String, AttributeValue> raw : BatchGet.all(dynamo, tableName, keys)) {
                StateItem<E> item = items.decode(raw);
                if (!removed(item)) {
                    found.put(raw.get(ContextTable.PARTITION_KEY).s().substring(keyPrefix.length()), item.state());
                }
            }
        }
        return found;
    }

    @Override
    public boolean merge(String id, UnaryOperator<E> merge) {
        Objects.requireNonNull(merge, "merge");
        return write(id, current -> {
            E merged = Objects.requireNonNull(merge.apply(current), "a merge returns the entry");
            return merged.equals(current) ? Change.none() : Change.to(merged);
        });
    }

    @Override
    public boolean remove(String id, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("an aggregate version is at least 1: " + version);
        }
        return write(id, current -> Change.to(current).set(REMOVED_AT, AttributeValue.fromN(Long.toString(version))));
    }

    /** Decides on the current entry (blank for none), unless the entity was removed. */
    private boolean write(String id, Function<E, Change<E>> decide) {
        ApplyResult<E> result = items.modifyItem(keyOf(id), item -> {
            if (item.filter(DynamoEntityCache::removed).isPresent()) {
                return Change.none();
            }
            return decide.apply(item.map(StateItem::state).orElseGet(() -> blankEntry(id)));
        });
        return result.status() == ApplyResult.Status.APPLIED;
    }

    private E blankEntry(String id) {
        return Objects.requireNonNull(blank.apply(id), "the blank entry");
    }

    private static boolean removed(StateItem<?> item) {
        return item.item().containsKey(REMOVED_AT);
    }

    public static final class Builder<E> {
        private final DynamoDbClient dynamo;
        private final String tableName;
        private final Class<E> entryType;
        private String keyPrefix;
        private Function<String, E> blank;
        private Long sortKey;

        private Builder(DynamoDbClient dynamo, String tableName, Class<E> entryType) {
            this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
            this.tableName = Objects.requireNonNull(tableName, "tableName");
            this.entryType = Objects.requireNonNull(entryType, "entryType");
        }

        /** Put before each id in {@code pk}, e.g. {@code "product#"}: one table holds several caches and other items. */
        public Builder<E> keyPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("a cache's items need a key prefix");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** The entry of an id no event has been seen for, which the first merge starts from. */
        public Builder<E> blank(Function<String, E> entry) {
            this.blank = entry;
            return this;
        }

        /** The fixed {@code sk} of the items, in a table whose key has a sort key (aggregate histories start at 1). */
        public Builder<E> sortKey(long value) {
            this.sortKey = value;
            return this;
        }

        public DynamoEntityCache<E> build() {
            return new DynamoEntityCache<>(this);
        }
    }
}
