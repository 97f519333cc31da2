package mallbots.baskets.handlers;

import static mallbots.baskets.handlers.BasketsTestbed.priceDecreased;
import static mallbots.baskets.handlers.BasketsTestbed.priceIncreased;
import static mallbots.baskets.handlers.BasketsTestbed.productAdded;
import static mallbots.baskets.handlers.BasketsTestbed.productRebranded;
import static mallbots.baskets.handlers.BasketsTestbed.productRemoved;
import static mallbots.baskets.handlers.BasketsTestbed.storeCreated;
import static mallbots.baskets.handlers.BasketsTestbed.storeRebranded;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.baskets.domain.CachedProduct;
import mallbots.baskets.domain.CachedStore;
import mallbots.messages.stores.StoreParticipationToggled;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.Versioned;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.EventBridgeEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The caches through BasketsEventsFunction: stores events really sent to and received from an
 * ElasticMQ queue, the cache items read back from dynalite.
 */
class BasketsEventsTest {

    private BasketsTestbed baskets;
    private String storeId;

    @BeforeEach
    void setUp() {
        baskets = new BasketsTestbed();
        storeId = UUID.randomUUID().toString();
    }

    @Test
    void storeAndProductEventsFillTheCacheItems() {
        String productId = UUID.randomUUID().toString();
        Message<?> created = storeCreated(storeId, "Corner Shop");
        Message<?> added = productAdded(productId, storeId, "Apple", "1.50");

        SQSBatchResponse response = baskets.deliver(created, added);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(store(storeId)).isEqualTo(new CachedStore(storeId, new Versioned<>("Corner Shop", 1)));
        assertThat(product(productId)).isEqualTo(new CachedProduct(productId, storeId, new Versioned<>("Apple", 1),
                new Versioned<>(Money.of("1.50"), 1)));
        assertThat(writes("store#" + storeId)).isEqualTo(1);
        assertThat(writes("product#" + productId)).isEqualTo(1);
        // a cache item is not an aggregate's read model: no single version for the whole entry
        assertThat(baskets.cacheItem("product#" + productId)).doesNotContainKey("aggregateVersion");
        assertThat(baskets.published()).isEmpty();
    }

    /**
     * The brief's test of the caches: a product's events delivered in every order, each twice (the
     * whole sequence, then again), one record per invocation; the entry always ends the same.
     */
    @Test
    void everyOrderOfAProductsEventsTwiceEachEndsInTheSameEntry() {
        for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
            String productId = UUID.randomUUID().toString();
            List<Message<?>> events = List.of(
                    productAdded(productId, storeId, "Apple", "1.50"),
                    productRebranded(productId, "Green Apple", 2),
                    priceIncreased(productId, "1.50", "2.00", 3),
                    priceDecreased(productId, "2.00", "1.80", 4));

            long writesOfTheFirstRound = 0;
            for (int round = 0; round < 2; round++) {
                for (int index : order) {
                    assertThat(baskets.deliver(events.get(index)).getBatchItemFailures()).isEmpty();
                }
                if (round == 0) {
                    writesOfTheFirstRound = writes("product#" + productId);
                }
            }

            assertThat(product(productId)).as("order %s", order).isEqualTo(new CachedProduct(productId, storeId,
                    new Versioned<>("Green Apple", 2), new Versioned<>(Money.of("1.80"), 4)));
            assertThat(writes("product#" + productId)).as("order %s: the copies write nothing", order)
                    .isEqualTo(writesOfTheFirstRound);
        }
    }

    @Test
    void aRemovalWinsInWhateverOrderItArrivesAndTheProductIsNotFoundAfterIt() {
        List<List<Integer>> orders = List.of(List.of(0, 1, 2, 3), List.of(3, 2, 1, 0), List.of(2, 3, 0, 1),
                List.of(3, 0, 1, 2));
        for (List<Integer> order : orders) {
            String productId = UUID.randomUUID().toString();
            List<Message<?>> events = List.of(
                    productAdded(productId, storeId, "Apple", "1.50"),
                    priceIncreased(productId, "1.50", "2.00", 2),
                    productRemoved(productId, 4),
                    productRebranded(productId, "Green Apple", 3));
            List<Message<?>> twice = new ArrayList<>();
            for (int index : order) {
                twice.add(events.get(index));
                twice.add(events.get(index));
            }

            for (Message<?> event : twice) {
                assertThat(baskets.deliver(event).getBatchItemFailures()).isEmpty();
            }

            // the tombstone: the removal's version, and no event after it changed the item
            assertThat(baskets.cacheItem("product#" + productId).get("removedAt").n()).as("order %s", order)
                    .isEqualTo("4");
        }
        baskets.deliver(storeCreated(storeId, "Corner Shop"));
        String basket = baskets.startBasket();
        String removed = UUID.randomUUID().toString();
        baskets.deliver(productRemoved(removed, 2), productAdded(removed, storeId, "Pear", "0.90"));
        assertThat(baskets.addItem(basket, removed, 1).status()).isEqualTo(404);
    }

    @Test
    void storeNamesTakeTheNewestVersionWhateverTheOrder() {
        Message<?> created = storeCreated(storeId, "Corner Shop");
        Message<?> renamed = storeRebranded(storeId, "Corner Market", 3);
        Message<?> renamedEarlier = storeRebranded(storeId, "Corner Store", 2);

        for (Message<?> event : List.of(renamed, created, renamedEarlier, renamed, renamedEarlier, created)) {
            assertThat(baskets.deliver(event).getBatchItemFailures()).isEmpty();
        }

        assertThat(store(storeId)).isEqualTo(new CachedStore(storeId, new Versioned<>("Corner Market", 3)));
        assertThat(writes("store#" + storeId)).as("only the first, newest name is written").isEqualTo(1);
    }

    @Test
    void twoCopiesOfAMessageInOneBatchApplyOnce() {
        String productId = UUID.randomUUID().toString();
        Message<?> added = productAdded(productId, storeId, "Apple", "1.50");
        Message<?> repriced = priceIncreased(productId, "1.50", "2.50", 2);

        SQSBatchResponse response = baskets.deliver(added, repriced, repriced, added);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(product(productId).price().value()).isEqualTo(Money.of("2.50"));
        assertThat(writes("product#" + productId)).isEqualTo(2);
    }

    @Test
    void recordsThatCannotBeAppliedFailAloneAndTheRestOfTheBatchIsApplied() throws JsonProcessingException {
        MessageCodec stores = new MessageCodec(StoresMessages.ALL);
        String productId = UUID.randomUUID().toString();
        String good = EventBridgeEvents.of(productAdded(productId, storeId, "Apple", "1.50"), stores);
        // not subscribed: the rule does not route it, and a copy that arrives anyway is not dropped silently
        String toggled = EventBridgeEvents.of(new Message<>(StoresMessages.STORE_PARTICIPATION_TOGGLED,
                Metadata.first().withAggregate(storeId, 2), new StoreParticipationToggled(storeId, true)), stores);
        // without an aggregate version the caches cannot tell whether it is newer
        String unversioned = EventBridgeEvents.of(new Message<>(StoresMessages.STORE_REBRANDED, Metadata.first(),
                new mallbots.messages.stores.StoreRebranded(storeId, "Nameless")), stores);
        ObjectNode broken = (ObjectNode) Json.mapper().readTree(
                EventBridgeEvents.of(priceIncreased(productId, "1.50", "2.00", 2), stores));
        ((ObjectNode) broken.get("detail").get("data")).put("price", 2.0);

        SQSBatchResponse response = baskets.deliverBodies(List.of(toggled, good, unversioned,
                Json.mapper().writeValueAsString(broken), "not json at all"));

        assertThat(response.getBatchItemFailures()).hasSize(4);
        assertThat(product(productId).price().value()).isEqualTo(Money.of("1.50"));
        assertThat(baskets.cacheItem("store#" + storeId)).isEmpty();
    }

    private CachedProduct product(String productId) {
        return state("product#" + productId, CachedProduct.class);
    }

    private CachedStore store(String id) {
        return state("store#" + id, CachedStore.class);
    }

    private <T> T state(String key, Class<T> type) {
        Map<String, AttributeValue> item = baskets.cacheItem(key);
        assertThat(item).as("cache item %s", key).isNotEmpty();
        try {
            return Json.mapper().readValue(item.get("state").s(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** The item's version: how many writes changed it. */
    private long writes(String key) {
        return Long.parseLong(baskets.cacheItem(key).get("version").n());
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
