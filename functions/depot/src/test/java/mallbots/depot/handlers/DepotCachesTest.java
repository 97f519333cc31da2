package mallbots.depot.handlers;

import static mallbots.depot.handlers.DepotTestbed.productAdded;
import static mallbots.depot.handlers.DepotTestbed.productRebranded;
import static mallbots.depot.handlers.DepotTestbed.productRemoved;
import static mallbots.depot.handlers.DepotTestbed.storeCreated;
import static mallbots.depot.handlers.DepotTestbed.storeRebranded;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mallbots.depot.domain.ProductToPick;
import mallbots.depot.domain.StoreToVisit;
import mallbots.messages.stores.ProductPriceIncreased;
import mallbots.messages.stores.StoreParticipationToggled;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.Versioned;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.EventBridgeEvents;
import org.junit.jupiter.api.Test;

/**
 * The caches through DepotEventsFunction: stores events really sent to and received from an
 * ElasticMQ queue, the cache items read back from dynalite.
 */
class DepotCachesTest {

    private final DepotTestbed depot = new DepotTestbed();
    private final String storeId = UUID.randomUUID().toString();

    @Test
    void storeAndProductEventsFillTheCacheItemsAndPublishNothing() {
        String productId = UUID.randomUUID().toString();
        Message<?> created = storeCreated(storeId, "Corner Shop", "Level 1, east");
        Message<?> added = productAdded(productId, storeId, "Apple");

        depot.deliverOk(created, added);

        assertThat(store(storeId)).isEqualTo(new StoreToVisit(storeId, new Versioned<>("Corner Shop", 1),
                new Versioned<>("Level 1, east", 1)));
        assertThat(product(productId)).isEqualTo(new ProductToPick(productId, storeId, new Versioned<>("Apple", 1),
                false));
        assertThat(writes("store#" + storeId)).isEqualTo(1);
        assertThat(writes("product#" + productId)).isEqualTo(1);
        // the parts carry their own versions: no single version for the whole entry
        assertThat(depot.item("product#" + productId).orElseThrow()).doesNotContainKey("aggregateVersion");
        assertThat(depot.published()).isEmpty();
    }

    /** A product's events delivered in every order, the whole sequence twice: the entry always ends the same. */
    @Test
    void everyOrderOfAProductsEventsTwiceEachEndsInTheSameEntry() {
        for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
            String productId = UUID.randomUUID().toString();
            List<Message<?>> events = List.of(
                    productAdded(productId, storeId, "Apple"),
                    productRebranded(productId, "Green Apple", 2),
                    productRebranded(productId, "Granny Smith", 3),
                    productRemoved(productId, 4));

            long writesOfTheFirstRound = 0;
            for (int round = 0; round < 2; round++) {
                for (int index : order) {
                    depot.deliverOk(events.get(index));
                }
                if (round == 0) {
                    writesOfTheFirstRound = writes("product#" + productId);
                }
            }

            // removed: a tombstone at the removal's version, whatever arrived after it
            assertThat(depot.item("product#" + productId).orElseThrow().get("removedAt").n()).as("order %s", order)
                    .isEqualTo("4");
            assertThat(writes("product#" + productId)).as("order %s: the copies write nothing", order)
                    .isEqualTo(writesOfTheFirstRound);
        }
    }

    @Test
    void aRebrandDeliveredBeforeTheAddKeepsTheNewerNameAndTheAddStillSetsTheStore() {
        String productId = UUID.randomUUID().toString();

        depot.deliverOk(productRebranded(productId, "Green Apple", 2));
        assertThat(product(productId).available()).isFalse();
        depot.deliverOk(productAdded(productId, storeId, "Apple"));

        assertThat(product(productId)).isEqualTo(
                new ProductToPick(productId, storeId, new Versioned<>("Green Apple", 2), false));
        assertThat(product(productId).available()).isTrue();
    }

    @Test
    void storeNamesTakeTheNewestVersionWhateverTheOrderAndTheLocationStays() {
        Message<?> created = storeCreated(storeId, "Corner Shop", "Level 1, east");
        Message<?> renamed = storeRebranded(storeId, "Corner Market", 3);
        Message<?> renamedEarlier = storeRebranded(storeId, "Corner Store", 2);

        for (Message<?> event : List.of(renamed, renamedEarlier, created, renamed, created, renamedEarlier)) {
            depot.deliverOk(event);
        }

        assertThat(store(storeId)).isEqualTo(new StoreToVisit(storeId, new Versioned<>("Corner Market", 3),
                new Versioned<>("Level 1, east", 1)));
        assertThat(writes("store#" + storeId)).as("the newest name, then the location").isEqualTo(2);
    }

    @Test
    void twoCopiesOfAMessageInOneBatchApplyOnce() {
        String productId = UUID.randomUUID().toString();
        Message<?> added = productAdded(productId, storeId, "Apple");
        Message<?> renamed = productRebranded(productId, "Green Apple", 2);

        depot.deliverOk(added, renamed, renamed, added);

        assertThat(product(productId).name()).isEqualTo(new Versioned<>("Green Apple", 2));
        assertThat(depot.item("product#" + productId).orElseThrow().get("version").n()).isEqualTo("2");
    }

    @Test
    void recordsThatCannotBeAppliedFailAloneAndTheRestOfTheBatchIsApplied() {
        String productId = UUID.randomUUID().toString();
        String good = EventBridgeEvents.of(productAdded(productId, storeId, "Apple"), DepotTestbed.INBOUND);
        // not subscribed (depot has no use for prices or participation): a copy that arrives is not dropped silently
        String repriced = EventBridgeEvents.of(DepotTestbed.versioned(StoresMessages.PRODUCT_PRICE_INCREASED,
                productId, 2, new ProductPriceIncreased(productId, Money.of("2.00"), Money.of("0.50"))),
                DepotTestbed.INBOUND);
        String toggled = EventBridgeEvents.of(DepotTestbed.versioned(StoresMessages.STORE_PARTICIPATION_TOGGLED,
                storeId, 2, new StoreParticipationToggled(storeId, true)), DepotTestbed.INBOUND);
        // without an aggregate version the cache cannot tell whether it is newer
        String unversioned = EventBridgeEvents.of(new Message<>(StoresMessages.STORE_REBRANDED, Metadata.first(),
                new StoreRebranded(storeId, "Nameless")), DepotTestbed.INBOUND);

        SQSBatchResponse response = depot.deliverBodies(List.of(repriced, good, toggled, unversioned,
                "{\"detail-type\": \"StoreCreated\""));

        assertThat(response.getBatchItemFailures()).hasSize(4);
        assertThat(product(productId).name()).isEqualTo(new Versioned<>("Apple", 1));
        assertThat(depot.item("store#" + storeId)).isEmpty();
    }

    /** The item's version: how many writes changed it. */
    private long writes(String key) {
        return Long.parseLong(depot.item(key).orElseThrow().get("version").n());
    }

    private ProductToPick product(String productId) {
        return depot.state("product#" + productId, ProductToPick.class);
    }

    private StoreToVisit store(String id) {
        return depot.state("store#" + id, StoreToVisit.class);
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
                List<T> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
