package mallbots.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.platform.domain.AggregateNotFound;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.ConflictRetry;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventStoreTest {

    private static final DynamoDbClient DYNAMO = new InMemoryDynamo();
    private static final String TABLE = LocalAws.uniqueName("eventstore");

    private final RecordingPublisher publisher = RecordingPublisher.accepting();

    @BeforeAll
    static void createTable() {
        ContextTable.create(DYNAMO, TABLE, ContextTable.Keys.PARTITION_AND_SORT);
    }

    private EventStore.Builder<Store, Store.Event, Store.Snapshot> stores() {
        return EventStore.builder(DYNAMO, TABLE, Store.EVENT_TYPES, Store.Snapshot.class, Store::new)
                .publisher(publisher);
    }

    @Test
    void savesOneItemPerCommandAndLoadsTheAggregateBack() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();

        store.create(Store.create(id, "Waldorf", "Level 1"), List.of());
        store.update(id, s -> {
            s.rebrand("Statler");
            return List.of();
        });
        store.update(id, s -> {
            s.enableParticipation();
            s.rebrand("Statler & Waldorf");
            return List.of();
        });

        Store loaded = store.load(id).orElseThrow();
        assertThat(loaded.name()).isEqualTo("Statler & Waldorf");
        assertThat(loaded.location()).isEqualTo("Level 1");
        assertThat(loaded.participating()).isTrue();
        assertThat(loaded.version()).isEqualTo(4);
        assertThat(loaded.uncommittedEvents()).isEmpty();

        List<Map<String, AttributeValue>> items = items(id);
        assertThat(items).extracting(item -> item.get("sk").n()).containsExactly("1", "2", "3");
        assertThat(items).extracting(item -> item.get("lastVersion").n()).containsExactly("1", "2", "4");
        List<AttributeValue> lastCommand = items.get(2).get("events").l();
        assertThat(lastCommand).extracting(e -> e.m().get("version").n()).containsExactly("3", "4");
        assertThat(lastCommand).extracting(e -> e.m().get("type").s())
                .containsExactly("ParticipationEnabled", "StoreRebranded");
        assertThat(lastCommand.get(1).m().get("data").s()).isEqualTo("{\"name\":\"Statler & Waldorf\"}");
        assertThat(items).allSatisfy(item -> assertThat(item).doesNotContainKeys("snapshot", "outboxPending"));
    }

    @Test
    void anUnknownAggregateIsNotFound() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();

        assertThat(store.load(id)).isEmpty();
        assertThatThrownBy(() -> store.update(id, s -> {
            s.rebrand("x");
            return List.of();
        })).isInstanceOf(AggregateNotFound.class).hasMessageContaining(id);
    }

    @Test
    void aCommandWithoutEventsWritesNothing() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();
        store.create(Store.create(id, "Kiosk", "Level 2"), List.of());

        CommandResult<Store> result = store.update(id, s -> List.of());

        assertThat(result.status()).isEqualTo(CommandResult.Status.UNCHANGED);
        assertThat(items(id)).hasSize(1);
    }

    @Test
    void writesASnapshotEveryNVersionsAndLoadsFromTheNewest() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().snapshotEvery(3).build();
        String id = newId();
        store.create(Store.create(id, "v1", "Level 3"), List.of());
        for (int version = 2; version <= 7; version++) {
            String name = "v" + version;
            store.update(id, s -> {
                s.rebrand(name);
                return List.of();
            });
        }
        // one command with two events crossing 9: versions 8 and 9 -> snapshot at 9
        store.update(id, s -> {
            s.rebrand("v8");
            s.rebrand("v9");
            return List.of();
        });
        store.update(id, s -> {
            s.rebrand("v10");
            return List.of();
        });

        List<Map<String, AttributeValue>> items = items(id);
        assertThat(items).filteredOn(item -> item.containsKey("snapshot"))
                .extracting(item -> item.get("sk").n()).containsExactly("3", "6", "8");
        Map<String, AttributeValue> atSix = items.stream().filter(i -> i.get("sk").n().equals("6")).findFirst().orElseThrow();
        assertThat(decode(atSix.get("snapshot").s())).isEqualTo(new Store.Snapshot("v6", "Level 3", false));
        Map<String, AttributeValue> atEight = items.stream().filter(i -> i.get("sk").n().equals("8")).findFirst().orElseThrow();
        assertThat(atEight.get("lastVersion").n()).isEqualTo("9");
        assertThat(decode(atEight.get("snapshot").s())).isEqualTo(new Store.Snapshot("v9", "Level 3", false));

        // Every item before the newest snapshot is made unreadable: loading must not need them.
        for (int sk = 1; sk <= 7; sk++) {
            corrupt(id, sk);
        }

        EventStore.History<Store> history = store.read(id).orElseThrow();
        assertThat(history.itemsRead()).isEqualTo(2);
        assertThat(history.aggregate().name()).isEqualTo("v10");
        assertThat(history.aggregate().version()).isEqualTo(10);
    }

    @Test
    void aStaleWriterLosesWithAConflictAndTheRetryHelperSucceeds() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();
        store.create(Store.create(id, "Original", "Level 4"), List.of());
        AtomicInteger attempts = new AtomicInteger();
        List<Long> versionsSeen = new ArrayList<>();

        // The first writer, having loaded version 1, writes one event; then the second,
        // which loaded version 1 too, writes two: same sort key 2, so it must lose.
        Command<Store> twoEventsAfterAnotherWriter = s -> {
            versionsSeen.add(s.version());
            if (attempts.incrementAndGet() == 1) {
                store.update(id, other -> {
                    other.rebrand("First writer");
                    return List.of();
                });
            }
            s.rebrand("Second writer");
            s.enableParticipation();
            return List.of();
        };

        EventStore<Store, Store.Event, Store.Snapshot> noRetry = stores().retry(ConflictRetry.attempts(1)).build();
        assertThatThrownBy(() -> noRetry.update(id, twoEventsAfterAnotherWriter))
                .isInstanceOf(ConcurrencyConflict.class).hasMessageContaining("version 2");
        assertThat(versionsSeen).containsExactly(1L);
        assertThat(store.load(id).orElseThrow().name()).isEqualTo("First writer");

        attempts.set(0);
        CommandResult<Store> result = store.update(id, twoEventsAfterAnotherWriter);

        assertThat(attempts).hasValue(2);
        assertThat(versionsSeen).containsExactly(1L, 2L, 3L);
        assertThat(result.status()).isEqualTo(CommandResult.Status.APPLIED);
        Store loaded = store.load(id).orElseThrow();
        assertThat(loaded.version()).isEqualTo(5);
        assertThat(loaded.name()).isEqualTo("Second writer");
        assertThat(loaded.participating()).isTrue();
        assertThat(items(id)).extracting(item -> item.get("sk").n()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void aRedeliveredMessageIsAppliedOnce() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();
        store.create(Store.create(id, "Before", "Level 5"), List.of());
        AtomicInteger runs = new AtomicInteger();
        Command<Store> rebrand = s -> {
            runs.incrementAndGet();
            s.rebrand("After");
            return List.of(event("rebranded-" + runs.get()));
        };

        CommandResult<Store> first = store.update(id, "message-1", rebrand);
        CommandResult<Store> second = store.update(id, "message-1", rebrand);

        assertThat(first.status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(second.duplicate()).isTrue();
        assertThat(second.aggregate().version()).isEqualTo(2);
        assertThat(runs).hasValue(1);
        assertThat(items(id)).hasSize(2);
        assertThat(items(id).get(1).get("causationId").s()).isEqualTo("message-1");
        assertThat(publisher.publishedIds()).containsExactly("rebranded-1");
        assertThat(store.hasApplied(id, "message-1")).isTrue();
        assertThat(store.hasApplied(id, "message-2")).isFalse();

        // later commands carry the remembered ids forward
        store.update(id, s -> {
            s.enableParticipation();
            return List.of();
        });
        assertThat(store.hasApplied(id, "message-1")).isTrue();
        assertThat(store.update(id, "message-1", rebrand).duplicate()).isTrue();
    }

    @Test
    void theAggregateRemembersOnlyItsLastNCausingMessages() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().rememberedMessages(2).build();
        String id = newId();
        store.create(Store.create(id, "n0", "Level 6"), List.of(), "m0");
        for (int i = 1; i <= 3; i++) {
            String name = "n" + i;
            store.update(id, "m" + i, s -> {
                s.rebrand(name);
                return List.of();
            });
        }

        assertThat(items(id).getLast().get("causationIds").l()).extracting(AttributeValue::s)
                .containsExactly("m2", "m3");
        assertThat(store.hasApplied(id, "m1")).isFalse();
        assertThat(store.hasApplied(id, "m3")).isTrue();
    }

    @Test
    void creatingTwiceIsADuplicateForTheSameMessageAndAConflictOtherwise() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();

        assertThat(store.create(Store.create(id, "A", "L"), List.of(event("created-a")), "create-1").status())
                .isEqualTo(CommandResult.Status.APPLIED);
        CommandResult<Store> again = store.create(Store.create(id, "A", "L"), List.of(event("created-b")), "create-1");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.aggregate().version()).isEqualTo(1);
        assertThatThrownBy(() -> store.create(Store.create(id, "B", "L"), List.of(), "create-2"))
                .isInstanceOf(ConcurrencyConflict.class).hasMessageContaining("already exists");
        assertThat(publisher.publishedIds()).containsExactly("created-a");
    }

    @Test
    void theOutboxIsWrittenWithTheEventsPublishedAndThenRemoved() {
        RecordingPublisher refusing = RecordingPublisher.refusing();
        EventStore<Store, Store.Event, Store.Snapshot> failing = stores().publisher(refusing).build();
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();

        // the bus refuses: the command still succeeds, the entry and the flag stay in the item
        CommandResult<Store> created = failing.create(Store.create(id, "Shop", "Level 7"), List.of(event("created")));
        assertThat(created.status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(refusing.calls()).isEqualTo(1);
        Map<String, AttributeValue> first = items(id).getFirst();
        assertThat(first.get("outbox").m()).containsOnlyKeys("created");
        assertThat(first.get("outbox").m().get("created").m().get("detailType").s()).isEqualTo("StoreCreated");
        assertThat(first.get("outboxPending").s()).isEqualTo("1");
        assertThat(first).containsKey("outboxSince");

        // the bus accepts: published, then removed with the flag
        store.update(id, s -> {
            s.rebrand("Shop 2");
            return List.of(event("rebranded"));
        });
        assertThat(publisher.publishedIds()).containsExactly("rebranded");
        assertThat(publisher.published().getFirst().detail()).contains("rebranded");
        Map<String, AttributeValue> second = items(id).get(1);
        assertThat(second.get("outbox").m()).isEmpty();
        assertThat(second).doesNotContainKeys("outboxPending", "outboxSince");
    }

    @Test
    void loadingReplaysEventsInVersionOrder() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        String id = newId();
        Store created = Store.create(id, "First", "Level 8");
        created.rebrand("Second");
        assertThat(created.uncommittedEvents()).extracting(VersionedEvent::version).containsExactly(1L, 2L);
        store.create(created, List.of());
        assertThat(created.version()).isEqualTo(2);

        assertThat(store.load(id).orElseThrow().name()).isEqualTo("Second");
    }

    @Test
    void aSnapshotThatNoLongerDecodesIsPassedOver() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().snapshotEvery(2).build();
        String id = newId();
        store.create(Store.create(id, "v1", "Level 9"), List.of());
        for (int version = 2; version <= 5; version++) {
            String name = "v" + version;
            store.update(id, s -> {
                s.rebrand(name);
                return List.of();
            });
        }
        // the snapshot record changed shape since version 4 was written
        DYNAMO.updateItem(r -> r.tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS(id), "sk", AttributeValue.fromN("4")))
                .updateExpression("SET #snapshot = :old")
                .expressionAttributeNames(Map.of("#snapshot", "snapshot"))
                .expressionAttributeValues(Map.of(":old", AttributeValue.fromS("{\"title\":\"v4\"}"))));

        EventStore.History<Store> history = store.read(id).orElseThrow();

        assertThat(history.itemsRead()).isEqualTo(4); // 5, 4 (unreadable snapshot), 3, 2 (snapshot)
        assertThat(history.aggregate().name()).isEqualTo("v5");
        assertThat(history.aggregate().version()).isEqualTo(5);
    }

    @Test
    void aStateItemAtSortKeyZeroSharesThePartitionWithoutDisturbingTheHistory() {
        EventStore<Store, Store.Event, Store.Snapshot> store = stores().build();
        StateStore<Store.Snapshot> readModel = StateStore.builder(DYNAMO, TABLE, Store.Snapshot.class)
                .publisher(publisher).sortKey(0).build();
        String id = newId();
        store.create(Store.create(id, "Mall shop", "Level 10"), List.of(), "m-1");
        readModel.applyIfNewer(id, 1, current -> Change.to(new Store.Snapshot("Mall shop", "Level 10", false)));

        assertThat(store.load(id).orElseThrow().version()).isEqualTo(1);
        assertThat(store.hasApplied(id, "m-1")).isTrue();
        assertThat(readModel.get(id).orElseThrow().state().name()).isEqualTo("Mall shop");
        assertThat(items(id)).extracting(item -> item.get("sk").n()).containsExactly("0", "1");
    }

    @Test
    void aKeyPrefixKeepsKindsOfAggregateApartInOneTable() {
        EventStore<Store, Store.Event, Store.Snapshot> prefixed = stores().keyPrefix("store#").build();
        EventStore<Store, Store.Event, Store.Snapshot> plain = stores().build();
        String id = newId();

        prefixed.create(Store.create(id, "Prefixed", "Level 3"), List.of(), "m-prefixed");
        prefixed.update(id, s -> {
            s.rebrand("Still prefixed");
            return List.of();
        });

        assertThat(prefixed.partitionKey(id)).isEqualTo("store#" + id);
        assertThat(items("store#" + id)).extracting(item -> item.get("sk").n()).containsExactly("1", "2");
        assertThat(items(id)).isEmpty();
        assertThat(plain.load(id)).isEmpty();
        Store loaded = prefixed.load(id).orElseThrow();
        assertThat(loaded.id()).isEqualTo(id);
        assertThat(loaded.name()).isEqualTo("Still prefixed");
        assertThat(prefixed.hasApplied(id, "m-prefixed")).isTrue();
    }

    static OutboundEvent event(String messageId) {
        return new OutboundEvent(messageId, "mallbots.stores", messageId.startsWith("created") ? "StoreCreated"
                : "StoreRebranded", "{\"metadata\":{\"messageId\":\"" + messageId + "\"},\"data\":{}}");
    }

    private static Store.Snapshot decode(String json) {
        try {
            return Json.mapper().readValue(json, Store.Snapshot.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void corrupt(String id, int sk) {
        DYNAMO.updateItem(r -> r.tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS(id), "sk", AttributeValue.fromN(Integer.toString(sk))))
                .updateExpression("SET events = :garbage")
                .expressionAttributeValues(Map.of(":garbage", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "version", AttributeValue.fromN("999"), "type", AttributeValue.fromS("NoSuchEvent"),
                        "data", AttributeValue.fromS("not json"))))))));
    }

    private static List<Map<String, AttributeValue>> items(String id) {
        return DYNAMO.query(r -> r.tableName(TABLE).consistentRead(true).keyConditionExpression("pk = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id)))).items();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
