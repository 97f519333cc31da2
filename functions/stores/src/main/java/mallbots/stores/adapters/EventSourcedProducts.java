package mallbots.stores.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import mallbots.platform.domain.AggregateNotFound;
import mallbots.platform.domain.NotFound;
import mallbots.platform.eventstore.EventStore;
import mallbots.stores.application.ProductRepository;
import mallbots.stores.domain.Product;
import mallbots.stores.domain.ProductEvent;
import mallbots.stores.domain.ProductSnapshot;

/** The products in the event store, like {@link EventSourcedStores}. */
public final class EventSourcedProducts implements ProductRepository {

    private final EventStore<Product, ProductEvent, ProductSnapshot> events;

    public EventSourcedProducts(EventStore<Product, ProductEvent, ProductSnapshot> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Product add(Product product) {
        return events.create(product, StoresAnnouncements.of(product)).aggregate();
    }

    @Override
    public Product change(String productId, Consumer<Product> command) {
        try {
            return events.update(productId, product -> {
                command.accept(product);
                return StoresAnnouncements.of(product);
            }).aggregate();
        } catch (AggregateNotFound missing) {
            throw NotFound.of("product", productId);
        }
    }

    @Override
    public Optional<Product> find(String productId) {
        return events.load(productId);
    }
}
