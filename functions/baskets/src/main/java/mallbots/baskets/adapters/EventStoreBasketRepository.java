package mallbots.baskets.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import mallbots.baskets.application.BasketRepository;
import mallbots.baskets.domain.Basket;
import mallbots.baskets.domain.BasketEvent;
import mallbots.baskets.domain.BasketSnapshot;
import mallbots.platform.domain.AggregateNotFound;
import mallbots.platform.domain.NotFound;
import mallbots.platform.eventstore.EventStore;
import mallbots.platform.eventstore.EventTypes;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Baskets in the context's table, event-sourced: {@code pk} = basket id, {@code sk} = version,
 * one item per command with its integration events in the item's outbox, a snapshot every
 * {@value #SNAPSHOT_EVERY} versions.
 */
public final class EventStoreBasketRepository implements BasketRepository {

    /** A basket is short-lived, but a busy shopper adds and removes a lot: replay at most this many events. */
    public static final int SNAPSHOT_EVERY = 10;

    private final EventStore<Basket, BasketEvent, BasketSnapshot> store;
    private final BasketsAnnouncements announcements = new BasketsAnnouncements();

    public EventStoreBasketRepository(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.store = EventStore.builder(dynamo, tableName, EventTypes.sealed(BasketEvent.class),
                        BasketSnapshot.class, Basket::new)
                .publisher(Objects.requireNonNull(publisher, "publisher"))
                .snapshotEvery(SNAPSHOT_EVERY)
                .build();
    }

    @Override
    public Optional<Basket> find(String basketId) {
        return store.load(basketId);
    }

    @Override
    public void add(Basket basket) {
        store.create(basket, announcements.of(basket));
    }

    @Override
    public Basket change(String basketId, Consumer<Basket> command) {
        try {
            return store.update(basketId, basket -> {
                command.accept(basket);
                return announcements.of(basket);
            }).aggregate();
        } catch (AggregateNotFound notFound) {
            throw NotFound.of("basket", basketId);
        }
    }
}
