package mallbots.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.AggregateNotFound;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.ConflictRetry;
import mallbots.platform.domain.DomainEvent;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.Outbox;
import mallbots.platform.outbox.OutboxPublisher;
import mallbots.platform.table.ContextTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Event-sourced aggregates in a context's table, one item per command.
 *
 * <p>Item: {@code pk} = aggregate id, {@code sk} = version of the command's first event, written
 * with {@code attribute_not_exists(pk)} so that two writers that loaded the same version collide
 * however many events each writes. It holds {@code events} (list of {version, type, data (JSON)}),
 * {@code lastVersion}, every N versions a {@code snapshot} (JSON of the state at
 * {@code lastVersion}), {@code causationId} (the message that caused the command, if any),
 * {@code causationIds} (the last few causing message ids of the aggregate, carried forward
 * from item to item so the newest item always has them) and the outbox.
 *
 * <p>Loading queries the partition ({@code sk >= 1}: a state item of the same id may live at
 * {@code sk} 0) newest-first and stops at the first item with a snapshot;
 * the newest item also gives the recent causing messages, so "was message M already applied?"
 * costs nothing extra inside {@link #update}, and one small read in {@link #hasApplied}.
 *
 * <p>A table that holds more than one kind of aggregate gives each kind a key prefix
 * ({@link Builder#keyPrefix}, e.g. "store#"): {@code pk} is then prefix + id, so that the id of
 * one kind never loads the history of another (a client naming a product where a store is
 * expected finds nothing, rather than events it cannot replay).
 */
public final class EventStore<A extends Aggregate<E, S>, E extends DomainEvent, S> {

    public static final int DEFAULT_SNAPSHOT_EVERY = 20;
    public static final int DEFAULT_REMEMBERED_MESSAGES = 20;

    static final String LAST_VERSION = "lastVersion";
    static final String EVENTS = "events";
    static final String SNAPSHOT = "snapshot";
    static final String CAUSATION_ID = "causationId";
    static final String CAUSATION_IDS = "causationIds";
    static final String RECORDED_AT = "recordedAt";

    private static final String PK = ContextTable.PARTITION_KEY;
    private static final String SK = ContextTable.SORT_KEY;
    // Versions start at 1: a state item may share the partition at sk 0 (e.g. a read model of the aggregate).
    private static final String HISTORY = "#pk = :id AND #sk >= :first";

    private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final EventTypes<E> eventTypes;
    private final Class<S> snapshotType;
    private final Function<String, A> blank;
    private final String keyPrefix;
    private final int snapshotEvery;
    private final int rememberedMessages;
    private final ConflictRetry retry;
    private final EventPublisher publisher;
    private final OutboxPublisher outbox;
    private final Clock clock;

    private EventStore(Builder<A, E, S> builder) {
        this.dynamo = builder.dynamo;
        this.tableName = builder.tableName;
        this.eventTypes = builder.eventTypes;
        this.snapshotType = builder.snapshotType;
        this.blank = builder.blank;
        this.keyPrefix = builder.keyPrefix;
        this.snapshotEvery = builder.snapshotEvery;
        this.rememberedMessages = builder.rememberedMessages;
        this.retry = builder.retry;
        this.publisher = Objects.requireNonNull(builder.publisher, "publisher");
        this.outbox = new OutboxPublisher(dynamo, tableName, publisher);
        this.clock = builder.clock;
    }

    /**
     * @param blank makes the empty aggregate with an id, which the store restores and replays into
     */
    public static <A extends Aggregate<E, S>, E extends DomainEvent, S> Builder<A, E, S> builder(
            DynamoDbClient dynamo, String tableName, EventTypes<E> eventTypes, Class<S> snapshotType,
            Function<String, A> blank) {
        return new Builder<>(dynamo, tableName, eventTypes, snapshotType, blank);
    }

    /** The aggregate as stored, or empty if it has no history. */
    public Optional<A> load(String id) {
        return read(id).map(History::aggregate);
    }

    /**
     * Stores a new aggregate (its uncommitted events, from version 1) and publishes the outbox.
     * If the id is taken: a duplicate if {@code causingMessageId} created it, else a conflict.
     */
    public CommandResult<A> create(A aggregate, List<OutboundEvent> outboxEvents, String causingMessageId) {
        if (aggregate.version() != 0) {
            throw new IllegalArgumentException("aggregate " + aggregate.id() + " is not new: version " + aggregate.version());
        }
        if (aggregate.uncommittedEvents().isEmpty()) {
            throw new IllegalArgumentException("a new aggregate " + aggregate.id() + " needs at least one event");
        }
        try {
            return write(aggregate, outboxEvents, causingMessageId, List.of());
        } catch (ConcurrencyConflict conflict) {
            if (causingMessageId != null && hasApplied(aggregate.id(), causingMessageId)) {
                return new CommandResult<>(load(aggregate.id()).orElseThrow(), CommandResult.Status.DUPLICATE);
            }
            throw new ConcurrencyConflict("aggregate " + aggregate.id() + " already exists", conflict);
        }
    }

    public CommandResult<A> create(A aggregate, List<OutboundEvent> outboxEvents) {
        return create(aggregate, outboxEvents, null);
    }

    /** {@link #update(String, String, Command)} for a command that no message caused (e.g. an HTTP request). */
    public CommandResult<A> update(String id, Command<A> command) {
        return update(id, null, command);
    }

    /**
     * Load, command, save; on a conflict again, a bounded number of times. If
     * {@code causingMessageId} is among the aggregate's recently applied messages the command
     * does not run and the result says DUPLICATE.
     *
     * @throws AggregateNotFound   if the aggregate has no history
     * @throws ConcurrencyConflict if every attempt lost to another writer
     */
    public CommandResult<A> update(String id, String causingMessageId, Command<A> command) {
        return retry.run(() -> {
            History<A> history = read(id).orElseThrow(() -> new AggregateNotFound(id));
            if (causingMessageId != null && history.recentCauses().contains(causingMessageId)) {
                return new CommandResult<>(history.aggregate(), CommandResult.Status.DUPLICATE);
            }
            List<OutboundEvent> outboxEvents = List.copyOf(command.execute(history.aggregate()));
            return write(history.aggregate(), outboxEvents, causingMessageId, history.recentCauses());
        });
    }

    /** Whether the message caused one of the aggregate's recent commands (the last N remembered). */
    public boolean hasApplied(String aggregateId, String messageId) {
        QueryResponse newest = dynamo.query(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression(HISTORY)
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#causes", CAUSATION_IDS))
                .expressionAttributeValues(historyOf(aggregateId))
                .projectionExpression("#causes")
                .scanIndexForward(false).limit(1));
        return !newest.items().isEmpty() && strings(newest.items().getFirst().get(CAUSATION_IDS)).contains(messageId);
    }

    private CommandResult<A> write(A aggregate, List<OutboundEvent> outboxEvents, String causingMessageId,
            List<String> recentCauses) {
        List<VersionedEvent<E>> events = aggregate.uncommittedEvents();
        if (events.isEmpty()) {
            // No change to store, so nothing to keep atomic with: publish now, and let a failure
            // fail the command so that its message is redelivered.
            if (!outboxEvents.isEmpty()) {
                publisher.publish(outboxEvents);
            }
            return new CommandResult<>(aggregate, CommandResult.Status.UNCHANGED);
        }
        long first = events.getFirst().version();
        long last = events.getLast().version();
        Map<String, AttributeValue> key = Map.of(PK, AttributeValue.fromS(partitionKey(aggregate.id())),
                SK, AttributeValue.fromN(Long.toString(first)));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(LAST_VERSION, AttributeValue.fromN(Long.toString(last)));
        item.put(EVENTS, AttributeValue.fromL(events.stream().map(this::encode).toList()));
        if (snapshotDue(first, last)) {
            item.put(SNAPSHOT, AttributeValue.fromS(toJson(aggregate.snapshot(), aggregate.id(), last)));
        }
        if (causingMessageId != null) {
            item.put(CAUSATION_ID, AttributeValue.fromS(causingMessageId));
        }
        List<String> causes = remember(recentCauses, causingMessageId);
        if (!causes.isEmpty()) {
            item.put(CAUSATION_IDS, AttributeValue.fromL(causes.stream().map(AttributeValue::fromS).toList()));
        }
        var now = clock.instant();
        item.put(RECORDED_AT, AttributeValue.fromS(Outbox.timestamp(now)));
        item.putAll(Outbox.newItemAttributes(outboxEvents, now));
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
        } catch (ConditionalCheckFailedException taken) {
            throw new ConcurrencyConflict("aggregate " + aggregate.id() + " version " + first
                    + " was written by another command", taken);
        }
        aggregate.markCommitted();
        outbox.publishAfterWrite(key, outboxEvents);
        return new CommandResult<>(aggregate, CommandResult.Status.APPLIED);
    }

    /** True when the command's events reach or cross a multiple of N. */
    boolean snapshotDue(long first, long last) {
        return (first - 1) / snapshotEvery != last / snapshotEvery;
    }

    private List<String> remember(List<String> recent, String cause) {
        LinkedHashSet<String> causes = new LinkedHashSet<>(recent);
        if (cause != null) {
            causes.remove(cause);
            causes.add(cause);
        }
        List<String> all = List.copyOf(causes);
        return all.subList(Math.max(0, all.size() - rememberedMessages), all.size());
    }

    /** The aggregate rebuilt from the newest snapshot and the events after it. */
    record History<A>(A aggregate, List<String> recentCauses, int itemsRead) {
    }

    Optional<History<A>> read(String id) {
        List<Map<String, AttributeValue>> newestFirst = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        S snapshot = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(tableName).consistentRead(true)
                    .keyConditionExpression(HISTORY)
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#last", LAST_VERSION, "#events", EVENTS,
                            "#snapshot", SNAPSHOT, "#causes", CAUSATION_IDS))
                    .expressionAttributeValues(historyOf(id))
                    .projectionExpression("#pk, #sk, #last, #events, #snapshot, #causes")
                    .scanIndexForward(false)
                    // the snapshot is within the newest N items: each item holds at least one event
                    .limit(Math.min(snapshotEvery, 100));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : page.items()) {
                newestFirst.add(item);
                snapshot = snapshotIn(id, item);
                if (snapshot != null) {
                    break;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (snapshot == null && startKey != null);
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        A aggregate = blank.apply(id);
        int replayFrom = newestFirst.size() - 1;
        if (snapshot != null) {
            aggregate.restoreSnapshot(Long.parseLong(newestFirst.getLast().get(LAST_VERSION).n()), snapshot);
            replayFrom--;
        }
        for (int i = replayFrom; i >= 0; i--) {
            for (AttributeValue event : newestFirst.get(i).get(EVENTS).l()) {
                aggregate.replay(decode(id, event.m()));
            }
        }
        return Optional.of(new History<>(aggregate, strings(newestFirst.getFirst().get(CAUSATION_IDS)),
                newestFirst.size()));
    }

    /**
     * The item's snapshot, or null if it has none or one that no longer decodes (the snapshot
     * record changed shape): then loading goes on to an older snapshot or the first event.
     */
    private S snapshotIn(String id, Map<String, AttributeValue> item) {
        AttributeValue snapshot = item.get(SNAPSHOT);
        if (snapshot == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(snapshot.s(), snapshotType);
        } catch (JsonProcessingException e) {
            LOG.warn("aggregate {} in {}: snapshot at version {} does not decode as {}, replaying past it: {}", id,
                    tableName, item.get(LAST_VERSION).n(), snapshotType.getSimpleName(), e.getOriginalMessage());
            return null;
        }
    }

    private Map<String, AttributeValue> historyOf(String id) {
        return Map.of(":id", AttributeValue.fromS(partitionKey(id)), ":first", AttributeValue.fromN("1"));
    }

    /** The {@code pk} of the aggregate's history (and of a state item that shares its partition). */
    public String partitionKey(String aggregateId) {
        return keyPrefix + aggregateId;
    }

    private AttributeValue encode(VersionedEvent<E> event) {
        return AttributeValue.fromM(Map.of(
                "version", AttributeValue.fromN(Long.toString(event.version())),
                "type", AttributeValue.fromS(eventTypes.nameOf(event.event())),
                "data", AttributeValue.fromS(toJson(event.event(), null, event.version()))));
    }

    private VersionedEvent<E> decode(String id, Map<String, AttributeValue> stored) {
        long version = Long.parseLong(stored.get("version").n());
        Class<? extends E> type = eventTypes.typeOf(stored.get("type").s());
        return new VersionedEvent<>(version, fromJson(stored.get("data").s(), type, id, version));
    }

    private static String toJson(Object value, String id, long version) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName()
                    + (id == null ? "" : " of " + id) + " at version " + version, e);
        }
    }

    private static <T> T fromJson(String json, Class<T> type, String id, long version) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode " + type.getSimpleName() + " of " + id
                    + " at version " + version + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    public static final class Builder<A extends Aggregate<E, S>, E extends DomainEvent, S> {

        private final DynamoDbClient dynamo;
        private final String tableName;
        private final EventTypes<E> eventTypes;
        private final Class<S> snapshotType;
        private final Function<String, A> blank;
        private String keyPrefix = "";
        private int snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
        private int rememberedMessages = DEFAULT_REMEMBERED_MESSAGES;
        private ConflictRetry retry = ConflictRetry.defaults();
        private EventPublisher publisher;
        private Clock clock = Clock.systemUTC();

        private Builder(DynamoDbClient dynamo, String tableName, EventTypes<E> eventTypes, Class<S> snapshotType,
                Function<String, A> blank) {
            this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
            this.tableName = Objects.requireNonNull(tableName, "tableName");
            this.eventTypes = Objects.requireNonNull(eventTypes, "eventTypes");
            this.snapshotType = Objects.requireNonNull(snapshotType, "snapshotType");
            this.blank = Objects.requireNonNull(blank, "blank");
        }

        /** Publishes the outbox right after each write. Required. */
        public Builder<A, E, S> publisher(EventPublisher eventPublisher) {
            this.publisher = eventPublisher;
            return this;
        }

        /**
         * For a table of several kinds of aggregate: {@code pk} = prefix + aggregate id (the
         * aggregate's own id, and what its events announce, stay without it).
         */
        public Builder<A, E, S> keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** A snapshot in the item of every command that reaches or crosses a multiple of {@code versions}. */
        public Builder<A, E, S> snapshotEvery(int versions) {
            if (versions < 1) {
                throw new IllegalArgumentException("snapshotEvery must be at least 1");
            }
            this.snapshotEvery = versions;
            return this;
        }

        /** How many causing message ids the aggregate remembers for deduplication. */
        public Builder<A, E, S> rememberedMessages(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("rememberedMessages must be at least 1");
            }
            this.rememberedMessages = count;
            return this;
        }

        public Builder<A, E, S> retry(ConflictRetry conflictRetry) {
            this.retry = Objects.requireNonNull(conflictRetry, "retry");
            return this;
        }

        public Builder<A, E, S> clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public EventStore<A, E, S> build() {
            return new EventStore<>(this);
        }
    }
}
