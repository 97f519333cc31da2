package mallbots.stores.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import mallbots.platform.domain.AggregateNotFound;
import mallbots.platform.domain.NotFound;
import mallbots.platform.eventstore.EventStore;
import mallbots.stores.application.StoreRepository;
import mallbots.stores.domain.Store;
import mallbots.stores.domain.StoreEvent;
import mallbots.stores.domain.StoreSnapshot;

/** The stores in the event store: one item per command, its events announced through the item's outbox. */
public final class EventSourcedStores implements StoreRepository {

    private final EventStore<Store, StoreEvent, StoreSnapshot> events;

    public EventSourcedStores(EventStore<Store, StoreEvent, StoreSnapshot> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Store add(Store store) {
        return events.create(store, StoresAnnouncements.of(store)).aggregate();
    }

    @Override
    public Store change(String storeId, Consumer<Store> command) {
        try {
            return events.update(storeId, store -> {
                command.accept(store);
                return StoresAnnouncements.of(store);
            }).aggregate();
        } catch (AggregateNotFound missing) {
            throw NotFound.of("store", storeId);
        }
    }

    @Override
    public Optional<Store> find(String storeId) {
        return events.load(storeId);
    }
}
