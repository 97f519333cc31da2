package mallbots.stores.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.domain.DomainEvent;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.eventstore.EventTypes;
import mallbots.platform.json.Json;
import org.junit.jupiter.api.Test;

/** The events and snapshots survive the JSON the event store keeps them in, unchanged. */
class StoredFormTest {

    @Test
    void everyStoreEventAndTheSnapshotRoundTrip() throws JsonProcessingException {
        Store store = Store.create("s-1", "Corner Shop", "Level 1");
        store.enableParticipation();
        store.rebrand("Corner Market");
        store.disableParticipation();

        List<VersionedEvent<StoreEvent>> events = store.uncommittedEvents();
        EventTypes<StoreEvent> types = EventTypes.sealed(StoreEvent.class);
        Store replayed = new Store("s-1");
        for (VersionedEvent<StoreEvent> event : events) {
            replayed.replay(new VersionedEvent<>(event.version(), roundTrip(types, event.event())));
        }

        assertThat(replayed.snapshot()).isEqualTo(store.snapshot());
        assertThat(roundTrip(store.snapshot(), StoreSnapshot.class)).isEqualTo(store.snapshot());
    }

    @Test
    void everyProductEventAndTheSnapshotRoundTrip() throws JsonProcessingException {
        Product product = Product.add("p-1", "s-1", "Apple", "", "APL-1", Money.of("10"));
        product.increasePrice(Money.of("12.50"));
        product.decreasePrice(Money.of("9.99"));
        product.rebrand("Green Apple", "Sour");
        product.remove();

        EventTypes<ProductEvent> types = EventTypes.sealed(ProductEvent.class);
        List<ProductEvent> decoded = new ArrayList<>();
        for (VersionedEvent<ProductEvent> event : product.uncommittedEvents()) {
            decoded.add(roundTrip(types, event.event()));
        }

        assertThat(decoded).isEqualTo(product.uncommittedEvents().stream().map(VersionedEvent::event).toList());
        assertThat(roundTrip(product.snapshot(), ProductSnapshot.class)).isEqualTo(product.snapshot());
    }

    private static <E extends DomainEvent> E roundTrip(EventTypes<E> types, E event) throws JsonProcessingException {
        String json = Json.mapper().writeValueAsString(event);
        return Json.mapper().readValue(json, types.typeOf(types.nameOf(event)));
    }

    private static <T> T roundTrip(T value, Class<T> type) throws JsonProcessingException {
        return Json.mapper().readValue(Json.mapper().writeValueAsString(value), type);
    }
}
