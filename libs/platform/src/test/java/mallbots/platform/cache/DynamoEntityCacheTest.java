package mallbots.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import mallbots.platform.consumer.MessageHandler;
import mallbots.platform.domain.Versioned;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The kernel cache against a real dynalite: order-tolerant, idempotent merges and tombstones. */
class DynamoEntityCacheTest {

    private static final DynamoDbClient DYNAMO = new InMemoryDynamo();
    private static final String TABLE = LocalAws.uniqueName("cache");
    private static final String TABLE_WITH_HISTORIES = LocalAws.uniqueName("cache-sk");

    /** A record as a caching context keeps one: each part with the version that set it. */
    record Gadget(String id, Versioned<String> name, Versioned<String> colour) {

        static Gadget blank(String id) {
            return new Gadget(id, Versioned.unset(), Versioned.unset());
        }

        Gadget created(String newName, String newColour, long version) {
            return new Gadget(id, name.merge(newName, version), colour.merge(newColour, version));
        }

        Gadget renamed(String newName, long version) {
            return new Gadget(id, name.merge(newName, version), colour);
        }

        Gadget recoloured(String newColour, long version) {
            return new Gadget(id, name, colour.merge(newColour, version));
        }
    }

    record GadgetCreated(String gadgetId, String name, String colour) {
    }

    record GadgetRemoved(String gadgetId) {
    }

    private static final MessageType<GadgetCreated> CREATED =
            MessageType.of("mallbots.tests", "GadgetCreated", GadgetCreated.class);
    private static final MessageType<GadgetRemoved> REMOVED =
            MessageType.of("mallbots.tests", "GadgetRemoved", GadgetRemoved.class);

    private final DynamoEntityCache<Gadget> gadgets = DynamoEntityCache.builder(DYNAMO, TABLE, Gadget.class)
            .keyPrefix("gadget#").blank(Gadget::blank).build();

    @BeforeAll
    static void createTables() {
        ContextTable.create(DYNAMO, TABLE, ContextTable.Keys.PARTITION);
        ContextTable.create(DYNAMO, TABLE_WITH_HISTORIES, ContextTable.Keys.PARTITION_AND_SORT);
    }

    @Test
    void theSameEventsInAnyOrderAndDeliveredTwiceEndInTheSameEntry() {
        List<UnaryOperator<Gadget>> events = List.of(
                g -> g.created("Widget", "red", 1),
                g -> g.renamed("Gizmo", 2),
                g -> g.recoloured("blue", 3),
                g -> g.renamed("Doohickey", 4));
        for (List<UnaryOperator<Gadget>> order : permutations(events)) {
            String id = newId();
            for (UnaryOperator<Gadget> event : order) {
                gadgets.merge(id, event);
                assertThat(gadgets.merge(id, event)).as("a duplicate changes nothing").isFalse();
            }
            assertThat(gadgets.find(id)).contains(
                    new Gadget(id, new Versioned<>("Doohickey", 4), new Versioned<>("blue", 3)));
        }
    }

    @Test
    void anEventOlderThanThePartItSetsWritesNothing() {
        String id = newId();
        assertThat(gadgets.merge(id, g -> g.renamed("Gizmo", 2))).isTrue();

        assertThat(gadgets.merge(id, g -> g.renamed("Widget", 1))).isFalse();
        assertThat(gadgets.merge(id, g -> g.renamed("Gizmo", 2))).isFalse();

        assertThat(itemVersion(TABLE, Map.of(ContextTable.PARTITION_KEY, AttributeValue.fromS("gadget#" + id))))
                .as("one write, for the one change").isEqualTo(1);
        // an older event still sets a part no newer event has set
        assertThat(gadgets.merge(id, g -> g.created("Widget", "red", 1))).isTrue();
        assertThat(gadgets.find(id)).contains(new Gadget(id, new Versioned<>("Gizmo", 2), new Versioned<>("red", 1)));
    }

    @Test
    void aRemovedEntityIsGoneForGoodWhateverArrivesLate() {
        String id = newId();
        gadgets.merge(id, g -> g.created("Widget", "red", 1));

        assertThat(gadgets.remove(id, 3)).isTrue();

        assertThat(gadgets.merge(id, g -> g.renamed("Gizmo", 2))).isFalse();
        assertThat(gadgets.merge(id, g -> g.created("Widget", "red", 1))).isFalse();
        assertThat(gadgets.remove(id, 3)).as("a duplicate removal").isFalse();
        assertThat(gadgets.find(id)).isEmpty();
        assertThat(gadgets.findAll(List.of(id))).isEmpty();
        assertThat(gadgets.removed(id)).isTrue();
        assertThat(gadgets.removed(newId())).as("never seen").isFalse();
    }

    @Test
    void aRemovalDeliveredBeforeTheCreationIsNotUndoneByIt() {
        String id = newId();

        assertThat(gadgets.remove(id, 2)).isTrue();
        assertThat(gadgets.merge(id, g -> g.created("Widget", "red", 1))).isFalse();

        assertThat(gadgets.find(id)).isEmpty();
        assertThat(gadgets.merge(newId(), g -> g)).as("a merge that sets nothing writes nothing").isFalse();
    }

    @Test
    void findAllReadsInBatchesAndLeavesOutTheUnseenAndTheRemoved() {
        List<String> ids = IntStream.range(0, 150).mapToObj(i -> newId()).toList();
        for (String id : ids.subList(0, 120)) {
            gadgets.merge(id, g -> g.created("Widget " + id, "red", 1));
        }
        gadgets.remove(ids.get(0), 2);
        List<String> asked = new ArrayList<>(ids);
        asked.add(ids.get(1));   // asked twice

        Map<String, Gadget> found = gadgets.findAll(asked);

        assertThat(found).hasSize(119).doesNotContainKey(ids.get(0)).doesNotContainKey(ids.get(120));
        assertThat(found.get(ids.get(1)).name().value()).isEqualTo("Widget " + ids.get(1));
    }

    @Test
    void inATableWithHistoriesTheItemsSitAtTheFixedSortKey() {
        DynamoEntityCache<Gadget> cache = DynamoEntityCache.builder(DYNAMO, TABLE_WITH_HISTORIES, Gadget.class)
                .keyPrefix("gadget#").blank(Gadget::blank).sortKey(0).build();
        String id = newId();

        cache.merge(id, g -> g.created("Widget", "red", 1));

        assertThat(itemVersion(TABLE_WITH_HISTORIES, Map.of(ContextTable.PARTITION_KEY,
                AttributeValue.fromS("gadget#" + id), ContextTable.SORT_KEY, AttributeValue.fromN("0")))).isEqualTo(1);
        assertThat(cache.findAll(List.of(id))).containsOnlyKeys(id);
    }

    @Test
    void concurrentEventsOfOneEntityAreAllKept() throws Exception {
        String id = newId();
        List<UnaryOperator<Gadget>> events = List.of(
                g -> g.created("Widget", "red", 1), g -> g.renamed("Gizmo", 2), g -> g.recoloured("blue", 3),
                g -> g.renamed("Doohickey", 4), g -> g.recoloured("green", 5));

        Race.run(events, event -> gadgets.merge(id, event));

        assertThat(gadgets.find(id)).contains(
                new Gadget(id, new Versioned<>("Doohickey", 4), new Versioned<>("green", 5)));
    }

    @Test
    void theFeedMapsEventsAndRefusesOneWithoutAnAggregateVersion() {
        MessageHandler<GadgetCreated> created = CacheFeed.merge(gadgets, GadgetCreated::gadgetId,
                (gadget, event, version) -> gadget.created(event.name(), event.colour(), version));
        MessageHandler<GadgetRemoved> removed = CacheFeed.remove(gadgets, GadgetRemoved::gadgetId);
        String id = newId();
        Message<GadgetCreated> creation = CREATED.create(new GadgetCreated(id, "Widget", "red"))
                .withMetadata(m -> m.withAggregate(id, 1));

        created.handle(creation);
        created.handle(creation);

        assertThat(gadgets.find(id)).contains(new Gadget(id, new Versioned<>("Widget", 1), new Versioned<>("red", 1)));
        Message<GadgetCreated> unversioned = CREATED.create(new GadgetCreated(id, "Gizmo", "blue"));
        assertThatThrownBy(() -> created.handle(unversioned))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no metadata.aggregateVersion");
        removed.handle(REMOVED.create(new GadgetRemoved(id)).withMetadata(m -> m.withAggregate(id, 2)));
        assertThat(gadgets.find(id)).isEmpty();
    }

    private static long itemVersion(String table, Map<String, AttributeValue> key) {
        return Long.parseLong(DYNAMO.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item().get("version").n());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
