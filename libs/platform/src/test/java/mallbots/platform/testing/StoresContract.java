package mallbots.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import mallbots.platform.cache.DynamoEntityCache;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.DomainEvent;
import mallbots.platform.domain.Versioned;
import mallbots.platform.eventstore.CommandResult;
import mallbots.platform.eventstore.EventStore;
import mallbots.platform.eventstore.EventTypes;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.OutboxSweeper;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import mallbots.platform.table.BatchGet;
import mallbots.platform.table.ContextTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What the kernel's stores and the contexts' adapters rely on DynamoDB for, asserted the same
 * way on {@link InMemoryDynamo} ({@code InMemoryStoresTest}) and on dynalite
 * ({@code DynaliteStoresTest}): the calls themselves (conditional writes and their failure,
 * nested updates of the outbox map, queries of the table and of sparse GSIs with their order,
 * limits and pages, batch reads, projections, the errors for what DynamoDB refuses), and the
 * stores built on them (version conflicts, applied-message idempotency, snapshots, the outbox
 * and its sweeper, the entity cache). A test that runs on in-memory tables is as good as one on
 * dynalite for what this suite covers.
 *
 * <p>A context with an adapter of its own on DynamoDB can extend this class the same way.
 */
public abstract class StoresContract {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    /** The DynamoDB under test. */
    protected abstract DynamoDbClient dynamo();

    private DynamoDbClient dynamo;
    private String table;
    private String tableWithSortKey;
    private final RecordingPublisher bus = RecordingPublisher.accepting();

    @BeforeEach
    void createTables() {
        dynamo = dynamo();
        table = LocalAws.uniqueName("contract");
        tableWithSortKey = LocalAws.uniqueName("contract-sk");
        ContextTable.create(dynamo, table, ContextTable.Keys.PARTITION,
                List.of(new ContextTable.Index("byOwner", "owner", "created")));
        ContextTable.create(dynamo, tableWithSortKey, ContextTable.Keys.PARTITION_AND_SORT);
    }

    // ---------------------------------------------------------------- the calls

    @Test
    void aConditionalPutOnATakenKeyFailsAndKeepsTheFirstItem() {
        Map<String, AttributeValue> first = Map.of("pk", s("a"), "v", s("first"));
        putIfAbsent(table, first);

        assertThatThrownBy(() -> putIfAbsent(table, Map.of("pk", s("a"), "v", s("second"))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get(table, Map.of("pk", s("a")))).isEqualTo(first);
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("nothing")))).hasItem()).isFalse();
    }

    @Test
    void anUpdateSetsAndRemovesNestedEntriesUnderItsConditionAndReturnsTheNewItem() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("u"), "version", n(1),
                "outbox", AttributeValue.fromM(Map.of("m1", s("one"), "m2", s("two"))), "gone", s("x"))));

        Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("u")))
                .updateExpression("SET #v = :next, #o.#m3 = :three, #since = if_not_exists(#since, :now) "
                        + "REMOVE #o.#m1, gone")
                .conditionExpression("#v = :read AND size(#o) = :two AND attribute_exists(#o.#m2)")
                .expressionAttributeNames(Map.of("#v", "version", "#o", "outbox", "#m1", "m1", "#m2", "m2",
                        "#m3", "m3", "#since", "since"))
                .expressionAttributeValues(Map.of(":next", n(2), ":three", s("three"), ":now", s("t1"),
                        ":read", n(1), ":two", n(2)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();

        assertThat(updated).containsOnlyKeys("pk", "version", "outbox", "since");
        assertThat(updated.get("outbox").m()).containsOnlyKeys("m2", "m3");
        assertThat(updated.get("version").n()).isEqualTo("2");
        // if_not_exists keeps what is there; a stale version fails the condition and writes nothing
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("u")))
                .updateExpression("SET #since = if_not_exists(#since, :now)")
                .expressionAttributeNames(Map.of("#since", "since"))
                .expressionAttributeValues(Map.of(":now", s("t2"))));
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("u")))
                .updateExpression("SET #v = :next").conditionExpression("#v = :read")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":next", n(3), ":read", n(1)))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get(table, Map.of("pk", s("u")))).isEqualTo(Map.of("pk", s("u"), "version", n(2),
                "outbox", AttributeValue.fromM(Map.of("m2", s("two"), "m3", s("three"))), "since", s("t1")));
    }

    @Test
    void anUpdateOfNoItemMakesOneUnlessItsConditionNeedsIt() {
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("new")))
                .updateExpression("REMOVE #p").conditionExpression("attribute_exists(#o)")
                .expressionAttributeNames(Map.of("#p", "pending", "#o", "outbox"))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("new")))).hasItem()).isFalse();

        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("new")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", s("made"))));
        assertThat(get(table, Map.of("pk", s("new")))).isEqualTo(Map.of("pk", s("new"), "state", s("made")));
    }

    @Test
    void aPartitionIsReadInSortKeyOrderEitherWayInPagesOfTheLimit() {
        for (int sk = 0; sk <= 5; sk++) {
            int version = sk;
            dynamo.putItem(b -> b.tableName(tableWithSortKey).item(Map.of("pk", s("agg"), "sk", n(version),
                    "events", s("e" + version), "extra", s("x"))));
        }
        dynamo.putItem(b -> b.tableName(tableWithSortKey).item(Map.of("pk", s("other"), "sk", n(3))));

        List<String> newestFirst = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(tableWithSortKey).consistentRead(true)
                    .keyConditionExpression("#pk = :id AND #sk >= :first")
                    .expressionAttributeNames(Map.of("#pk", "pk", "#sk", "sk", "#events", "events"))
                    .expressionAttributeValues(Map.of(":id", s("agg"), ":first", n(1)))
                    .projectionExpression("#sk, #events").scanIndexForward(false).limit(2).exclusiveStartKey(from));
            page.items().forEach(item -> {
                assertThat(item).containsOnlyKeys("sk", "events");
                newestFirst.add(item.get("sk").n());
            });
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).containsOnlyKeys("pk", "sk");
            }
            pages++;
        } while (start != null);

        assertThat(newestFirst).containsExactly("5", "4", "3", "2", "1");
        // 5 items in pages of 2: the third page is cut short and ends the query
        assertThat(pages).isEqualTo(3);
        assertThat(dynamo.query(b -> b.tableName(tableWithSortKey).keyConditionExpression("pk = :id")
                .expressionAttributeValues(Map.of(":id", s("agg")))).items())
                .extracting(item -> item.get("sk").n()).containsExactly("0", "1", "2", "3", "4", "5");
    }

    @Test
    void aSparseIndexHoldsOnlyTheItemsWithItsKeysInRangeOrder() {
        for (int i = 1; i <= 4; i++) {
            int day = i;
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("o" + day), "owner", s("ada"),
                    "created", s("2026-11-0" + day))));
        }
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("o9"), "owner", s("bob"), "created", s("2026-11-01"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("unlisted"), "owner", s("ada"))));

        assertThat(byOwner("#c BETWEEN :a AND :b", Map.of(":a", s("2026-11-02"), ":b", s("2026-11-03")), null))
                .containsExactly("o3", "o2");
        assertThat(byOwner("#c >= :a", Map.of(":a", s("2026-11-03")), null)).containsExactly("o4", "o3");
        assertThat(byOwner("#c < :b", Map.of(":b", s("2026-11-02")), null)).containsExactly("o1");
        assertThat(byOwner(null, Map.of(), null)).containsExactly("o4", "o3", "o2", "o1");

        QueryResponse first = dynamo.query(b -> b.tableName(table).indexName("byOwner")
                .keyConditionExpression("#o = :o").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", s("ada"))).scanIndexForward(false).limit(3));
        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "owner", "created");
        assertThat(byOwner(null, Map.of(), first.lastEvaluatedKey())).containsExactly("o1");
    }

    @Test
    void aBatchGetReturnsTheItemsThatExistAndAScanReturnsAll() {
        for (int i = 0; i < 120; i++) {
            int id = i;
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("k" + id), "n", n(id))));
        }
        List<Map<String, AttributeValue>> keys = IntStream.range(100, 130)
                .mapToObj(i -> Map.of("pk", s("k" + i))).toList();

        List<Map<String, AttributeValue>> found = BatchGet.all(dynamo, table, keys);

        assertThat(found).extracting(item -> item.get("n").n()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(100, 120).mapToObj(Integer::toString).toList());
        assertThat(dynamo.scan(b -> b.tableName(table).consistentRead(true)).items()).hasSize(120);
    }

    @Test
    void whatDynamoDbRefusesIsRefused() {
        // an unused placeholder, a key that is not the table's, a change of a key attribute, a missing table
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("p")))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", "pk", "#unused", "x"))))
                .isInstanceOf(DynamoDbException.class).isNotInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(tableWithSortKey).key(Map.of("pk", s("p")))))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(tableWithSortKey)
                .item(Map.of("pk", s("p"), "sk", s("not a number")))))
                .isInstanceOf(DynamoDbException.class);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("p"))));
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("p")))
                .updateExpression("SET #pk = :other").expressionAttributeNames(Map.of("#pk", "pk"))
                .expressionAttributeValues(Map.of(":other", s("q")))))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("no-such-table-" + UUID.randomUUID())
                .key(Map.of("pk", s("p"))))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table)
                .item(Map.of("pk", s("big"), "data", s("x".repeat(400 * 1024))))))
                .isInstanceOf(SdkException.class);
    }

    @Test
    void aTableIsDescribedWithTheKeysAttributesAndIndexesItWasCreatedWith() {
        String name = LocalAws.uniqueName("shape");
        ContextTable.create(dynamo, name, ContextTable.Keys.PARTITION_AND_SORT,
                List.of(new ContextTable.Index("byOwner", "owner", "created"), new ContextTable.Index("byRef", "ref", null)));
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();

        assertThat(keys(table.keySchema())).containsExactly("pk HASH", "sk RANGE");
        assertThat(table.attributeDefinitions()).extracting(a -> a.attributeName() + " " + a.attributeTypeAsString())
                .containsExactlyInAnyOrder("pk S", "sk N", "outboxPending S", "outboxSince S", "owner S", "created S",
                        "ref S");
        assertThat(table.globalSecondaryIndexes()).extracting(index -> index.indexName() + " "
                        + keys(index.keySchema()) + " " + index.projection().projectionTypeAsString())
                .containsExactlyInAnyOrder("outbox [outboxPending HASH, outboxSince RANGE] ALL",
                        "byOwner [owner HASH, created RANGE] ALL", "byRef [ref HASH] ALL");
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
    }

    // ---------------------------------------------------------------- the stores on them

    @Test
    void theEventStoreWritesOneItemPerCommandAndLoadsFromTheNewestSnapshot() {
        EventStore<Counter, Counter.Event, Counter.Snapshot> counters = counters().snapshotEvery(3).build();
        String id = newId();
        counters.create(Counter.start(id), List.of());
        for (int i = 0; i < 7; i++) {
            counters.update(id, counter -> {
                counter.add(1);
                return List.of();
            });
        }

        Counter loaded = counters.load(id).orElseThrow();

        assertThat(loaded.total()).isEqualTo(7);
        assertThat(loaded.version()).isEqualTo(8);
        List<Map<String, AttributeValue>> items = history(id);
        assertThat(items).hasSize(8);
        assertThat(items).filteredOn(item -> item.containsKey("snapshot"))
                .extracting(item -> item.get("lastVersion").n()).containsExactly("3", "6");
    }

    @Test
    void theEventStoreLetsOneOfTwoWritersOfAVersionWinAndRunsTheOtherAgain() {
        EventStore<Counter, Counter.Event, Counter.Snapshot> counters = counters().build();
        String id = newId();
        counters.create(Counter.start(id), List.of());
        int[] runs = {0};

        CommandResult<Counter> result = counters.update(id, counter -> {
            if (runs[0]++ == 0) {
                // another writer takes the version this command read
                counters.update(id, other -> {
                    other.add(10);
                    return List.of();
                });
            }
            counter.add(1);
            return List.of();
        });

        assertThat(runs[0]).isEqualTo(2);
        assertThat(result.status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(counters.load(id).orElseThrow().total()).isEqualTo(11);
        assertThatThrownBy(() -> counters.create(Counter.start(id), List.of()))
                .isInstanceOf(ConcurrencyConflict.class).hasMessageContaining("already exists");
    }

    @Test
    void theEventStoreRunsAMessageOnceAndPublishesItsOutbox() {
        EventStore<Counter, Counter.Event, Counter.Snapshot> counters = counters().build();
        String id = newId();
        counters.create(Counter.start(id), List.of(event("created-" + id)), "m-create");

        CommandResult<Counter> first = counters.update(id, "m-1", counter -> {
            counter.add(5);
            return List.of(event("added-" + id));
        });
        CommandResult<Counter> again = counters.update(id, "m-1", counter -> {
            counter.add(5);
            return List.of(event("added-again-" + id));
        });

        assertThat(first.status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(again.status()).isEqualTo(CommandResult.Status.DUPLICATE);
        assertThat(counters.create(Counter.start(id), List.of(), "m-create").status())
                .isEqualTo(CommandResult.Status.DUPLICATE);
        assertThat(counters.hasApplied(id, "m-1")).isTrue();
        assertThat(counters.hasApplied(id, "m-2")).isFalse();
        assertThat(counters.load(id).orElseThrow().total()).isEqualTo(5);
        assertThat(bus.publishedIds()).containsExactly("created-" + id, "added-" + id);
        assertThat(history(id)).allSatisfy(item -> {
            assertThat(item.get("outbox").m()).isEmpty();
            assertThat(item).doesNotContainKeys("outboxPending", "outboxSince");
        });
    }

    @Test
    void theStateStoreAppliesAMessageOnceAndAnOlderEventNever() {
        StateStore<Total> totals = StateStore.builder(dynamo, table, Total.class).publisher(bus).build();
        String key = newId();

        ApplyResult<Total> first = totals.apply(key, "m-1", current -> Change.to(new Total(1))
                .set("owner", s("ada")).set("created", s("2026-11-01")));
        ApplyResult<Total> duplicate = totals.apply(key, "m-1", current -> Change.to(new Total(99)));
        ApplyResult<Total> second = totals.apply(key, "m-2",
                current -> Change.to(new Total(current.orElseThrow().count() + 1)).remove("created"));

        assertThat(first.status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(duplicate.status()).isEqualTo(ApplyResult.Status.DUPLICATE);
        assertThat(second.state()).contains(new Total(2));
        assertThat(totals.get(key).orElseThrow().version()).isEqualTo(2);
        assertThat(totals.get(key).orElseThrow().applied()).containsExactly("m-1", "m-2");
        assertThat(get(table, Map.of("pk", s(key)))).containsEntry("owner", s("ada")).doesNotContainKey("created");

        String cached = newId();
        totals.applyIfNewer(cached, 3, current -> Change.to(new Total(3)));
        assertThat(totals.applyIfNewer(cached, 2, current -> Change.to(new Total(2))).status())
                .isEqualTo(ApplyResult.Status.STALE);
        assertThat(totals.applyIfNewer(cached, 3, current -> Change.to(new Total(3))).status())
                .isEqualTo(ApplyResult.Status.STALE);
        assertThat(totals.get(cached).orElseThrow().state()).isEqualTo(new Total(3));
        assertThatThrownBy(() -> totals.create(cached, Change.to(new Total(0))))
                .isInstanceOf(ConcurrencyConflict.class);
    }

    @Test
    void theStateStoreDecidesAgainWhenAnotherWriterChangedTheItem() {
        StateStore<Total> totals = StateStore.builder(dynamo, table, Total.class).publisher(bus).build();
        String key = newId();
        totals.create(key, Change.to(new Total(0)));
        int[] decisions = {0};

        totals.modify(key, current -> {
            if (decisions[0]++ == 0) {
                totals.modify(key, other -> Change.to(new Total(other.orElseThrow().count() + 10)));
            }
            return Change.to(new Total(current.orElseThrow().count() + 1));
        });

        assertThat(decisions[0]).isEqualTo(2);
        assertThat(totals.get(key).orElseThrow().state()).isEqualTo(new Total(11));
        assertThat(totals.get(key).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void anOutboxTheBusRefusedWaitsInTheItemUntilTheSweeperPublishesIt() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        StateStore<Total> refused = StateStore.builder(dynamo, table, Total.class)
                .publisher(RecordingPublisher.refusing()).clock(clock).build();
        String key = newId();
        refused.apply(key, "m-1", current -> Change.to(new Total(1)).publish(event("e1-" + key), event("e2-" + key)));
        refused.apply(key, "m-2", current -> Change.<Total>keep().publish(event("e3-" + key)));

        Map<String, AttributeValue> waiting = get(table, Map.of("pk", s(key)));
        assertThat(waiting.get("outbox").m()).containsOnlyKeys("e1-" + key, "e2-" + key, "e3-" + key);
        assertThat(waiting).containsKeys("outboxPending", "outboxSince");

        OutboxSweeper.Sweep young = new OutboxSweeper(dynamo, table, bus, Duration.ofSeconds(30),
                Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC)).sweep();
        OutboxSweeper.Sweep sweep = new OutboxSweeper(dynamo, table, bus, Duration.ofSeconds(30),
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).sweep();

        assertThat(young.items()).isZero();
        assertThat(sweep.published()).isEqualTo(3);
        assertThat(bus.publishedIds()).containsExactlyInAnyOrder("e1-" + key, "e2-" + key, "e3-" + key);
        Map<String, AttributeValue> swept = get(table, Map.of("pk", s(key)));
        assertThat(swept.get("outbox").m()).isEmpty();
        assertThat(swept).doesNotContainKeys("outboxPending", "outboxSince");
    }

    @Test
    void theEntityCacheKeepsTheNewestPartsAndARemovalForGood() {
        EntityCache<Named> names = DynamoEntityCache.builder(dynamo, table, Named.class).keyPrefix("named#")
                .blank(Named::unseen).build();
        String id = newId();

        assertThat(names.merge(id, named -> named.renamed("Ada", 2))).isTrue();
        assertThat(names.merge(id, named -> named.renamed("Old", 1))).isFalse();
        assertThat(names.find(id)).map(Named::name).contains(new Versioned<>("Ada", 2));
        String other = newId();
        names.merge(other, named -> named.renamed("Bob", 1));
        assertThat(names.findAll(List.of(id, other, newId()))).containsOnlyKeys(id, other);

        assertThat(names.remove(id, 3)).isTrue();
        assertThat(names.remove(id, 3)).isFalse();
        assertThat(names.merge(id, named -> named.renamed("Late", 5))).isFalse();
        assertThat(names.find(id)).isEmpty();
        assertThat(names.removed(id)).isTrue();
        assertThat(names.removed(other)).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private EventStore.Builder<Counter, Counter.Event, Counter.Snapshot> counters() {
        return EventStore.builder(dynamo, tableWithSortKey, EventTypes.sealed(Counter.Event.class),
                Counter.Snapshot.class, Counter::new).publisher(bus);
    }

    private List<Map<String, AttributeValue>> history(String id) {
        return dynamo.query(b -> b.tableName(tableWithSortKey).consistentRead(true)
                .keyConditionExpression("pk = :id").expressionAttributeValues(Map.of(":id", s(id)))).items();
    }

    private List<String> byOwner(String range, Map<String, AttributeValue> rangeValues,
            Map<String, AttributeValue> start) {
        Map<String, String> names = new HashMap<>(Map.of("#o", "owner"));
        Map<String, AttributeValue> values = new HashMap<>(rangeValues);
        values.put(":o", s("ada"));
        if (range != null) {
            names.put("#c", "created");
        }
        return dynamo.query(b -> b.tableName(table).indexName("byOwner")
                .keyConditionExpression("#o = :o" + (range == null ? "" : " AND " + range))
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).exclusiveStartKey(start)).items().stream()
                .map(item -> item.get("pk").s()).toList();
    }

    private void putIfAbsent(String tableName, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(tableName).item(item).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", "pk")));
    }

    private Map<String, AttributeValue> get(String tableName, Map<String, AttributeValue> key) {
        return dynamo.getItem(b -> b.tableName(tableName).key(key).consistentRead(true)).item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static OutboundEvent event(String messageId) {
        return new OutboundEvent(messageId, "mallbots.contract", "Counted", "{\"id\":\"" + messageId + "\"}");
    }

    /** A state item's state. */
    public record Total(int count) {
    }

    /** A cache entry of another context's entity. */
    public record Named(String id, Versioned<String> name) {

        static Named unseen(String id) {
            return new Named(id, Versioned.unset());
        }

        Named renamed(String newName, long version) {
            return new Named(id, name.merge(newName, version));
        }
    }

    /** A small event-sourced aggregate. */
    public static final class Counter extends Aggregate<Counter.Event, Counter.Snapshot> {

        public sealed interface Event extends DomainEvent {
        }

        public record Started() implements Event {
        }

        public record Added(int amount) implements Event {
        }

        public record Snapshot(int total) {
        }

        private int total;

        public Counter(String id) {
            super(id);
        }

        static Counter start(String id) {
            Counter counter = new Counter(id);
            counter.raise(new Started());
            return counter;
        }

        void add(int amount) {
            raise(new Added(amount));
        }

        int total() {
            return total;
        }

        @Override
        protected void when(Event event) {
            if (event instanceof Added added) {
                total += added.amount();
            }
        }

        @Override
        public Snapshot snapshot() {
            return new Snapshot(total);
        }

        @Override
        protected void restore(Snapshot snapshot) {
            total = snapshot.total();
        }
    }
}
