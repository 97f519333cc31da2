package mallbots.platform.statestore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.ConflictRetry;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.Outbox;
import mallbots.platform.outbox.OutboxPublisher;
import mallbots.platform.table.ContextTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per entity (customer, payment, saga instance, cache entry) with its own optimistic
 * {@code version}. Item: {@code pk} (and {@code sk} = a fixed number in a table that also holds
 * aggregates), {@code state} (the entity as JSON), {@code version}, {@code applied} (the ids of
 * the last N messages applied, oldest first, trimmed in the same write), {@code aggregateVersion}
 * (for caches fed by aggregate events), the caller's own attributes and the outbox.
 *
 * <p>A new item is a PutItem with {@code attribute_not_exists(pk)}; a change is an UpdateItem
 * with {@code version = <version read>} that adds outbox entries by path, so it neither loses
 * nor revives entries that the outbox publisher removes meanwhile. Every write reads first;
 * losing a race re-reads and decides again, a bounded number of times.
 */
public final class StateStore<T> {

    public static final int DEFAULT_APPLIED_LIMIT = 100;

    static final String STATE = "state";
    static final String VERSION = "version";
    static final String APPLIED = "applied";
    static final String AGGREGATE_VERSION = "aggregateVersion";

    private static final String PK = ContextTable.PARTITION_KEY;
    private static final String SK = ContextTable.SORT_KEY;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Class<T> stateType;
    private final Long sortKey;
    private final int appliedLimit;
    private final ConflictRetry retry;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final ObjectMapper json;

    private StateStore(Builder<T> builder) {
        this.dynamo = builder.dynamo;
        this.tableName = builder.tableName;
        this.stateType = builder.stateType;
        this.sortKey = builder.sortKey;
        this.appliedLimit = builder.appliedLimit;
        this.retry = builder.retry;
        this.outbox = new OutboxPublisher(dynamo, tableName, Objects.requireNonNull(builder.publisher, "publisher"));
        this.clock = builder.clock;
        this.json = builder.json;
    }

    public static <T> Builder<T> builder(DynamoDbClient dynamo, String tableName, Class<T> stateType) {
        return new Builder<>(dynamo, tableName, stateType);
    }

    /** The item, read consistently. */
    public Optional<StateItem<T>> get(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).key(keyOf(key))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(decode(item));
    }

    /** An item read by other means (e.g. a query of a GSI). */
    public StateItem<T> decode(Map<String, AttributeValue> item) {
        String key = item.get(PK).s();
        AttributeValue state = item.get(STATE);
        if (state == null || state.s() == null) {
            throw new IllegalStateException("item " + key + " in " + tableName + " has no state");
        }
        T value;
        try {
            value = json.readValue(state.s(), stateType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode " + stateType.getSimpleName() + " of item " + key + ": "
                    + e.getOriginalMessage(), e);
        }
        AttributeValue applied = item.get(APPLIED);
        AttributeValue aggregateVersion = item.get(AGGREGATE_VERSION);
        return new StateItem<>(key, Long.parseLong(item.get(VERSION).n()), value,
                applied == null || !applied.hasL() ? List.of() : applied.l().stream().map(AttributeValue::s).toList(),
                aggregateVersion == null ? null : Long.valueOf(aggregateVersion.n()), item);
    }

    /** The table key of the item with this key. */
    public Map<String, AttributeValue> keyOf(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a state item needs a key");
        }
        return sortKey == null ? Map.of(PK, AttributeValue.fromS(key))
                : Map.of(PK, AttributeValue.fromS(key), SK, AttributeValue.fromN(Long.toString(sortKey)));
    }

    /**
     * Applies message {@code messageId} to the item exactly once: if the item has applied it
     * already nothing happens (DUPLICATE); else {@code decide} gets the current state (empty for
     * no item) and its change is written together with the message id.
     */
    public ApplyResult<T> apply(String key, String messageId, Function<Optional<T>, Change<T>> decide) {
        Objects.requireNonNull(messageId, "messageId");
        return run(key, messageId, null, onState(decide));
    }

    /**
     * For a cache fed by an aggregate's events: applies the event only if the item reflects an
     * older version of the aggregate (or does not exist), and records {@code aggregateVersion}.
     * A duplicate or late event (version at most the item's) changes nothing (STALE).
     */
    public ApplyResult<T> applyIfNewer(String key, long aggregateVersion, Function<Optional<T>, Change<T>> decide) {
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be at least 1: " + aggregateVersion);
        }
        return run(key, null, aggregateVersion, onState(decide));
    }

    /** Read, decide, write, retried on conflict: for a change no message caused (an HTTP command). */
    public ApplyResult<T> modify(String key, Function<Optional<T>, Change<T>> decide) {
        return run(key, null, null, onState(decide));
    }

    /**
     * {@link #modify} for a decision that needs the item as read, not only its state: e.g. its
     * version, since the events a change announces carry the version the item will have after
     * the write ({@code item.version() + 1}, or 1 for a new item) as their aggregateVersion.
     */
    public ApplyResult<T> modifyItem(String key, Function<Optional<StateItem<T>>, Change<T>> decide) {
        return run(key, null, null, decide);
    }

    /** {@link #apply} for a decision that needs the item as read (see {@link #modifyItem}). */
    public ApplyResult<T> applyItem(String key, String messageId, Function<Optional<StateItem<T>>, Change<T>> decide) {
        Objects.requireNonNull(messageId, "messageId");
        return run(key, messageId, null, decide);
    }

    /**
     * Writes a new item, once: if the key is taken, a {@link ConcurrencyConflict} (not retried;
     * an API answers 409).
     */
    public ApplyResult<T> create(String key, Change<T> change) {
        if (!change.writes() || change.state() == null) {
            throw new IllegalArgumentException("a new item needs a state");
        }
        write(key, null, change, null, null);
        return new ApplyResult<>(ApplyResult.Status.APPLIED, Optional.of(change.state()));
    }

    private static <T> Function<Optional<StateItem<T>>, Change<T>> onState(Function<Optional<T>, Change<T>> decide) {
        return item -> decide.apply(item.map(StateItem::state));
    }

    private ApplyResult<T> run(String key, String messageId, Long aggregateVersion,
            Function<Optional<StateItem<T>>, Change<T>> decide) {
        return retry.run(() -> {
            Optional<StateItem<T>> current = get(key);
            Optional<T> state = current.map(StateItem::state);
            if (messageId != null && current.isPresent() && current.get().hasApplied(messageId)) {
                return new ApplyResult<>(ApplyResult.Status.DUPLICATE, state);
            }
            if (aggregateVersion != null && current.flatMap(StateItem::reflectedAggregateVersion)
                    .filter(reflected -> reflected >= aggregateVersion).isPresent()) {
                return new ApplyResult<>(ApplyResult.Status.STALE, state);
            }
            Change<T> change = Objects.requireNonNull(decide.apply(current), "a decision returns a Change");
            if (!change.writes()) {
                return new ApplyResult<>(ApplyResult.Status.UNCHANGED, state);
            }
            write(key, current.orElse(null), change, messageId, aggregateVersion);
            return new ApplyResult<>(ApplyResult.Status.APPLIED,
                    Optional.of(change.state() != null ? change.state() : state.orElseThrow()));
        });
    }

    private void write(String key, StateItem<T> current, Change<T> change, String messageId, Long aggregateVersion) {
        Instant now = clock.instant();
        List<String> applied = new ArrayList<>(current == null ? List.of() : current.applied());
        if (messageId != null) {
            applied.add(messageId);
        }
        List<String> kept = applied.subList(Math.max(0, applied.size() - appliedLimit), applied.size());
        try {
            if (current == null) {
                put(key, change, kept, aggregateVersion, now);
            } else {
                update(current, change, kept, aggregateVersion, now);
            }
        } catch (ConditionalCheckFailedException lost) {
            throw new ConcurrencyConflict("item " + key + " in " + tableName + " was "
                    + (current == null ? "created" : "changed") + " by another writer", lost);
        }
        outbox.publishAfterWrite(keyOf(key), change.outbox());
    }

    private void put(String key, Change<T> change, List<String> applied, Long aggregateVersion, Instant now) {
        if (change.state() == null) {
            throw new IllegalArgumentException("item " + key + " does not exist: the change needs a state");
        }
        Map<String, AttributeValue> item = new HashMap<>(change.attributes());
        item.putAll(keyOf(key));
        item.put(STATE, AttributeValue.fromS(toJson(change.state(), key)));
        item.put(VERSION, AttributeValue.fromN("1"));
        if (!applied.isEmpty()) {
            item.put(APPLIED, strings(applied));
        }
        if (aggregateVersion != null) {
            item.put(AGGREGATE_VERSION, AttributeValue.fromN(Long.toString(aggregateVersion)));
        }
        item.putAll(Outbox.newItemAttributes(change.outbox(), now));
        dynamo.putItem(r -> r.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK)));
    }

    private void update(StateItem<T> current, Change<T> change, List<String> applied, Long aggregateVersion,
            Instant now) {
        UpdateExpression expression = new UpdateExpression();
        expression.set(VERSION, AttributeValue.fromN(Long.toString(current.version() + 1)));
        if (change.state() != null) {
            expression.set(STATE, AttributeValue.fromS(toJson(change.state(), current.key())));
        }
        if (!applied.equals(current.applied())) {
            expression.set(APPLIED, strings(applied));
        }
        if (aggregateVersion != null) {
            expression.set(AGGREGATE_VERSION, AttributeValue.fromN(Long.toString(aggregateVersion)));
        }
        change.attributes().forEach(expression::set);
        change.removedAttributes().forEach(expression::remove);
        List<OutboundEvent> events = change.outbox();
        if (!events.isEmpty()) {
            if (Outbox.hasMap(current.item())) {
                for (int i = 0; i < events.size(); i++) {
                    expression.setEntry(Outbox.ATTRIBUTE, events.get(i).messageId(),
                            Outbox.entry(events.get(i), now, i));
                }
                expression.setIfNotExists(Outbox.SINCE, AttributeValue.fromS(Outbox.timestamp(now)));
                expression.set(Outbox.PENDING, AttributeValue.fromS(Outbox.PENDING_VALUE));
            } else {
                Outbox.newItemAttributes(events, now).forEach(expression::set);
            }
        }
        String condition = "#version = :readVersion";
        Map<String, String> names = expression.names();
        names.put("#version", VERSION);
        Map<String, AttributeValue> values = expression.values();
        values.put(":readVersion", AttributeValue.fromN(Long.toString(current.version())));
        dynamo.updateItem(r -> r.tableName(tableName).key(keyOf(current.key()))
                .updateExpression(expression.expression())
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private String toJson(Object state, String key) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the state of item " + key, e);
        }
    }

    public static final class Builder<T> {

        private final DynamoDbClient dynamo;
        private final String tableName;
        private final Class<T> stateType;
        private Long sortKey;
        private int appliedLimit = DEFAULT_APPLIED_LIMIT;
        private ConflictRetry retry = ConflictRetry.attempts(10);
        private EventPublisher publisher;
        private Clock clock = Clock.systemUTC();
        private ObjectMapper json = Json.mapper();

        private Builder(DynamoDbClient dynamo, String tableName, Class<T> stateType) {
            this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
            this.tableName = Objects.requireNonNull(tableName, "tableName");
            this.stateType = Objects.requireNonNull(stateType, "stateType");
        }

        /** Publishes the outbox right after each write. Required. */
        public Builder<T> publisher(EventPublisher eventPublisher) {
            this.publisher = eventPublisher;
            return this;
        }

        /**
         * For a table with a sort key (one that also holds aggregates, whose versions start at 1):
         * the {@code sk} of every state item, e.g. 0. Give the keys a prefix of their kind
         * ({@code "catalog#" + productId}) so they never meet an aggregate's id.
         */
        public Builder<T> sortKey(long value) {
            this.sortKey = value;
            return this;
        }

        /** How many applied message ids an item keeps for deduplication. */
        public Builder<T> appliedLimit(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("appliedLimit must be at least 1");
            }
            this.appliedLimit = count;
            return this;
        }

        public Builder<T> retry(ConflictRetry conflictRetry) {
            this.retry = Objects.requireNonNull(conflictRetry, "retry");
            return this;
        }

        public Builder<T> clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The JSON form of the state: {@link Json#mapper()} unless a context's adapters give a copy
         * of it that knows a domain type kept free of Jackson annotations (e.g. a module for it).
         */
        public Builder<T> json(ObjectMapper mapper) {
            this.json = Objects.requireNonNull(mapper, "json");
            return this;
        }

        public StateStore<T> build() {
            return new StateStore<>(this);
        }
    }
}
