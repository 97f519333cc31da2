package mallbots.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.eventstore.EventTypes;
import mallbots.platform.json.Json;
import org.junit.jupiter.api.Test;

/** The events, the snapshot and the cache entries survive the JSON they are kept in, unchanged. */
class StoredFormTest {

    private static final ProductInfo APPLE = new ProductInfo("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.50"));

    @Test
    void everyBasketEventRoundTrips() throws JsonProcessingException {
        Basket checkedOut = Basket.start("b-1", "c-1");
        checkedOut.addItem(APPLE, 3);
        checkedOut.removeItem("p-1", 1);
        checkedOut.checkOut("pay-1");
        Basket canceled = Basket.start("b-2", "c-1");
        canceled.cancel();

        EventTypes<BasketEvent> types = EventTypes.sealed(BasketEvent.class);
        for (Basket basket : List.of(checkedOut, canceled)) {
            for (VersionedEvent<BasketEvent> stored : basket.uncommittedEvents()) {
                BasketEvent event = stored.event();
                String json = Json.mapper().writeValueAsString(event);
                assertThat(Json.mapper().readValue(json, types.typeOf(types.nameOf(event)))).isEqualTo(event);
            }
        }
    }

    @Test
    void theSnapshotRoundTripsOpenAndCheckedOut() throws JsonProcessingException {
        Basket basket = Basket.start("b-1", "c-1");
        basket.addItem(APPLE, 2);
        assertThat(roundTrip(basket.snapshot(), BasketSnapshot.class)).isEqualTo(basket.snapshot());

        basket.checkOut("pay-1");
        assertThat(roundTrip(basket.snapshot(), BasketSnapshot.class)).isEqualTo(basket.snapshot());
    }

    @Test
    void theCacheEntriesRoundTrip() throws JsonProcessingException {
        CachedProduct early = CachedProduct.unseen("p-1").repriced(Money.of("2.00"), 3);
        CachedProduct full = early.added("s-1", "Apple", Money.of("1.50"), 1);
        CachedStore store = CachedStore.unseen("s-1").named("Corner Shop", 2);

        assertThat(roundTrip(early, CachedProduct.class)).isEqualTo(early);
        assertThat(roundTrip(full, CachedProduct.class)).isEqualTo(full);
        assertThat(roundTrip(store, CachedStore.class)).isEqualTo(store);
    }

    private static <T> T roundTrip(T value, Class<T> type) throws JsonProcessingException {
        return Json.mapper().readValue(Json.mapper().writeValueAsString(value), type);
    }
}
