package mallbots.platform.statestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.ConflictRetry;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.OutboxPublisher;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StateStoreTest {

    private static final DynamoDbClient DYNAMO = new InMemoryDynamo();
    private static final String TABLE = LocalAws.uniqueName("statestore");
    private static final String TABLE_WITH_SORT_KEY = LocalAws.uniqueName("statestore-sk");

    /** A state record as a context keeps one: a customer. */
    record Customer(String name, String smsNumber, boolean enabled, int changes) {

        Customer renamed(String newName) {
            return new Customer(newName, smsNumber, enabled, changes + 1);
        }
    }

    private final RecordingPublisher publisher = RecordingPublisher.accepting();

    @BeforeAll
    static void createTables() {
        ContextTable.create(DYNAMO, TABLE, ContextTable.Keys.PARTITION);
        ContextTable.create(DYNAMO, TABLE_WITH_SORT_KEY, ContextTable.Keys.PARTITION_AND_SORT);
    }

    private StateStore.Builder<Customer> customers() {
        return StateStore.builder(DYNAMO, TABLE, Customer.class).publisher(publisher);
    }

    @Test
    void aMessageIsAppliedOnceAndItsRedeliveryIsReportedDuplicate() {
        StateStore<Customer> store = customers().build();
        String key = newKey();
        AtomicInteger decisions = new AtomicInteger();

        ApplyResult<Customer> first = store.apply(key, "m-1", current -> {
            decisions.incrementAndGet();
            assertThat(current).isEmpty();
            return Change.to(new Customer("Ada", "+15550100", true, 0));
        });
        ApplyResult<Customer> second = store.apply(key, "m-1", current -> {
            decisions.incrementAndGet();
            return Change.to(current.orElseThrow().renamed("Twice"));
        });

        assertThat(first.status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(second.status()).isEqualTo(ApplyResult.Status.DUPLICATE);
        assertThat(second.state()).contains(new Customer("Ada", "+15550100", true, 0));
        assertThat(decisions).hasValue(1);
        StateItem<Customer> item = store.get(key).orElseThrow();
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.applied()).containsExactly("m-1");
        assertThat(item.item().get("state").s()).isEqualTo(
                "{\"name\":\"Ada\",\"smsNumber\":\"+15550100\",\"enabled\":true,\"changes\":0}");

        ApplyResult<Customer> next = store.apply(key, "m-2", current -> Change.to(current.orElseThrow().renamed("Bea")));
        assertThat(next.state()).contains(new Customer("Bea", "+15550100", true, 1));
        assertThat(store.get(key).orElseThrow().version()).isEqualTo(2);
        assertThat(store.get(key).orElseThrow().applied()).containsExactly("m-1", "m-2");
    }

    @Test
    void keepsOnlyTheLastNAppliedMessageIds() {
        StateStore<Customer> store = customers().appliedLimit(3).build();
        String key = newKey();
        store.create(key, Change.to(new Customer("C", "1", true, 0)));

        for (int i = 1; i <= 5; i++) {
            store.apply(key, "m-" + i, current -> Change.to(current.orElseThrow().renamed("C")));
        }

        StateItem<Customer> item = store.get(key).orElseThrow();
        assertThat(item.applied()).containsExactly("m-3", "m-4", "m-5");
        assertThat(item.state().changes()).isEqualTo(5);
        assertThat(item.version()).isEqualTo(6);
    }

    @Test
    void aNoneDecisionWritesNothing() {
        StateStore<Customer> store = customers().build();
        String key = newKey();
        store.create(key, Change.to(new Customer("D", "1", true, 0)));

        ApplyResult<Customer> result = store.apply(key, "m-1", current -> Change.none());

        assertThat(result.status()).isEqualTo(ApplyResult.Status.UNCHANGED);
        assertThat(store.get(key).orElseThrow().version()).isEqualTo(1);
        assertThat(store.get(key).orElseThrow().applied()).isEmpty();
    }

    @Test
    void aLostRaceIsDecidedAgainOnTheNewState() {
        StateStore<Customer> store = customers().build();
        String key = newKey();
        store.create(key, Change.to(new Customer("E", "1", true, 0)));
        List<Integer> changesSeen = new ArrayList<>();

        ApplyResult<Customer> result = store.apply(key, "m-slow", current -> {
            changesSeen.add(current.orElseThrow().changes());
            if (changesSeen.size() == 1) {
                // another writer changes the item between our read and our write
                store.apply(key, "m-fast", other -> Change.to(other.orElseThrow().renamed("Fast")));
            }
            return Change.to(current.orElseThrow().renamed(current.orElseThrow().name() + "+slow"));
        });

        assertThat(changesSeen).containsExactly(0, 1);
        assertThat(result.state()).contains(new Customer("Fast+slow", "1", true, 2));
        StateItem<Customer> item = store.get(key).orElseThrow();
        assertThat(item.version()).isEqualTo(3);
        assertThat(item.applied()).containsExactly("m-fast", "m-slow");
    }

    @Test
    void aDecisionOnTheItemSeesTheVersionItsWriteWillFollow() {
        StateStore<Customer> store = customers().build();
        String key = newKey();
        List<Long> versionsSeen = new ArrayList<>();

        store.modifyItem(key, item -> {
            assertThat(item).isEmpty();
            return Change.to(new Customer("H", "1", true, 0)).publish(event("v1-" + key));
        });
        store.modifyItem(key, item -> {
            versionsSeen.add(item.orElseThrow().version());
            if (versionsSeen.size() == 1) {
                store.modify(key, other -> Change.to(other.orElseThrow().renamed("Racer")));
            }
            return Change.to(item.orElseThrow().state().renamed("I"));
        });
        ApplyResult<Customer> duplicate = store.applyItem(key, "m-1", item -> Change.keep());
        ApplyResult<Customer> again = store.applyItem(key, "m-1", item -> {
            throw new AssertionError("a duplicate is not decided again");
        });

        assertThat(versionsSeen).containsExactly(1L, 2L);
        assertThat(duplicate.status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(again.status()).isEqualTo(ApplyResult.Status.DUPLICATE);
        StateItem<Customer> item = store.get(key).orElseThrow();
        assertThat(item.version()).isEqualTo(4);
        assertThat(item.state()).isEqualTo(new Customer("I", "1", true, 2));
        assertThat(item.applied()).containsExactly("m-1");
    }

    @Test
    void creatingAnExistingItemIsAConflict() {
        StateStore<Customer> store = customers().build();
        String key = newKey();
        store.create(key, Change.to(new Customer("F", "1", true, 0)));

        assertThatThrownBy(() -> store.create(key, Change.to(new Customer("G", "1", true, 0))))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.get(key).orElseThrow().state().name()).isEqualTo("F");
    }

    @Test
    void onlyANewerAggregateVersionChangesACache() {
        StateStore<Customer> store = customers().build();
        String key = newKey();

        assertThat(store.applyIfNewer(key, 2, current -> Change.to(new Customer("v2", "1", true, 0))).status())
                .isEqualTo(ApplyResult.Status.APPLIED);
        ApplyResult<Customer> older = store.applyIfNewer(key, 1, current -> Change.to(new Customer("v1", "1", true, 0)));
        ApplyResult<Customer> same = store.applyIfNewer(key, 2, current -> Change.to(new Customer("v2 again", "1", true, 0)));

        assertThat(older.status()).isEqualTo(ApplyResult.Status.STALE);
        assertThat(same.status()).isEqualTo(ApplyResult.Status.STALE);
        assertThat(same.state().orElseThrow().name()).isEqualTo("v2");
        StateItem<Customer> item = store.get(key).orElseThrow();
        assertThat(item.aggregateVersion()).isEqualTo(2L);
        assertThat(item.version()).isEqualTo(1);

        assertThat(store.applyIfNewer(key, 5, current -> Change.to(new Customer("v5", "1", true, 0))).status())
                .isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(store.get(key).orElseThrow().aggregateVersion()).isEqualTo(5L);
        assertThat(store.get(key).orElseThrow().state().name()).isEqualTo("v5");
    }

    @Test
    void theCallerSetsAndRemovesItsOwnAttributes() {
        StateStore<Customer> store = customers().build();
        String key = newKey();
        store.create(key, Change.to(new Customer("H", "1", true, 0))
                .set("customerId", AttributeValue.fromS("c-1"))
                .set("status", AttributeValue.fromS("open")));

        store.modify(key, current -> Change.to(current.orElseThrow().renamed("I")).remove("status")
                .set("customerId", AttributeValue.fromS("c-2")));

        Map<String, AttributeValue> item = store.get(key).orElseThrow().item();
        assertThat(item.get("customerId").s()).isEqualTo("c-2");
        assertThat(item).doesNotContainKey("status");
        assertThatThrownBy(() -> Change.to("x").set("version", AttributeValue.fromN("9")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOutboxIsPublishedAfterTheWriteAndThenRemoved() {
        StateStore<Customer> store = customers().build();
        String key = newKey();

        store.apply(key, "m-1", current -> Change.to(new Customer("J", "1", true, 0)).publish(event("registered")));
        store.apply(key, "m-2", current -> Change.<Customer>keep().publish(event("reply-1"), event("reply-2")));

        assertThat(publisher.publishedIds()).containsExactly("registered", "reply-1", "reply-2");
        Map<String, AttributeValue> item = store.get(key).orElseThrow().item();
        assertThat(item.get("outbox").m()).isEmpty();
        assertThat(item).doesNotContainKeys("outboxPending", "outboxSince");
        assertThat(store.get(key).orElseThrow().state().name()).isEqualTo("J");
    }

    @Test
    void aRefusedPublicationLeavesTheEntryAndTheCommandStillSucceeds() {
        RecordingPublisher refusing = RecordingPublisher.refusing();
        StateStore<Customer> failing = customers().publisher(refusing).build();
        StateStore<Customer> working = customers().build();
        String key = newKey();

        ApplyResult<Customer> result = failing.apply(key, "m-1",
                current -> Change.to(new Customer("K", "1", true, 0)).publish(event("left-behind")));

        assertThat(result.applied()).isTrue();
        assertThat(refusing.calls()).isEqualTo(1);
        Map<String, AttributeValue> item = working.get(key).orElseThrow().item();
        assertThat(item.get("outbox").m()).containsOnlyKeys("left-behind");
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
        String since = item.get("outboxSince").s();

        // a later write adds its own entry by path: the one left behind stays for the sweeper
        working.apply(key, "m-2", current -> Change.to(current.orElseThrow().renamed("L")).publish(event("next")));

        assertThat(publisher.publishedIds()).containsExactly("next");
        item = working.get(key).orElseThrow().item();
        assertThat(item.get("outbox").m()).containsOnlyKeys("left-behind");
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
        assertThat(item.get("outboxSince").s()).isEqualTo(since);
    }

    @Test
    void worksInATableWithASortKeyAtAFixedSortKey() {
        StateStore<Customer> store = StateStore.builder(DYNAMO, TABLE_WITH_SORT_KEY, Customer.class)
                .publisher(publisher).sortKey(0).build();
        String key = "customer#" + newKey();

        store.apply(key, "m-1", current -> Change.to(new Customer("M", "1", true, 0)).publish(event("e-1")));
        store.apply(key, "m-2", current -> Change.to(current.orElseThrow().renamed("N")));

        Map<String, AttributeValue> raw = DYNAMO.getItem(r -> r.tableName(TABLE_WITH_SORT_KEY)
                .key(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromN("0")))).item();
        assertThat(store.decode(raw).state().name()).isEqualTo("N");
        assertThat(raw.get("version").n()).isEqualTo("2");
        assertThat(raw).doesNotContainKey("outboxPending");
        assertThat(publisher.publishedIds()).containsExactly("e-1");
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        StateStore<Customer> store = customers().retry(ConflictRetry.attempts(100)).build();
        String key = newKey();
        store.create(key, Change.to(new Customer("Z", "1", true, 0)));
        int threads = 4;
        int messagesEach = 5;
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            writers.add(() -> {
                for (int m = 0; m < messagesEach; m++) {
                    String messageId = "w" + writer + "-m" + m;
                    store.apply(key, messageId,
                            current -> Change.to(current.orElseThrow().renamed("Z")).publish(event("out-" + messageId)));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        StateItem<Customer> item = store.get(key).orElseThrow();
        assertThat(item.state().changes()).isEqualTo(threads * messagesEach);
        assertThat(item.version()).isEqualTo(1 + threads * messagesEach);
        assertThat(item.applied()).hasSize(threads * messagesEach).doesNotHaveDuplicates();
        assertThat(publisher.publishedIds()).hasSize(threads * messagesEach).doesNotHaveDuplicates();
        assertThat(item.item().get("outbox").m()).isEmpty();
        assertThat(item.item()).doesNotContainKey("outboxPending");
    }

    @Test
    void anEntryWrittenWhilePublishingIsKeptWithItsFlag() {
        RecordingPublisher refusing = RecordingPublisher.refusing();
        StateStore<Customer> failing = customers().publisher(refusing).build();
        String key = newKey();
        failing.apply(key, "m-1", current -> Change.to(new Customer("O", "1", true, 0)).publish(event("first")));
        // while "first" is being published, another write adds "second" (whose own publication fails)
        List<String> published = new ArrayList<>();
        EventPublisher interleaving = events -> {
            failing.apply(key, "m-2", current -> Change.to(current.orElseThrow().renamed("P")).publish(event("second")));
            events.forEach(e -> published.add(e.messageId()));
        };

        new OutboxPublisher(DYNAMO, TABLE, interleaving).publish(failing.keyOf(key), List.of(event("first")));

        assertThat(published).containsExactly("first");
        Map<String, AttributeValue> item = failing.get(key).orElseThrow().item();
        assertThat(item.get("outbox").m()).containsOnlyKeys("second");
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
    }

    @Test
    void aMissingItemIsEmpty() {
        assertThat(customers().build().get(newKey())).isEqualTo(Optional.empty());
    }

    private static OutboundEvent event(String messageId) {
        return new OutboundEvent(messageId, "mallbots.customers", "CustomerRegistered",
                "{\"metadata\":{\"messageId\":\"" + messageId + "\"},\"data\":{}}");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
