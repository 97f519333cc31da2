package mallbots.ordering.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import mallbots.ordering.application.OrderRepository;
import mallbots.ordering.domain.Order;
import mallbots.ordering.domain.OrderEvent;
import mallbots.ordering.domain.OrderSnapshot;
import mallbots.platform.domain.AggregateNotFound;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.NotFound;
import mallbots.platform.eventstore.CommandResult;
import mallbots.platform.eventstore.EventStore;
import mallbots.platform.eventstore.EventTypes;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.Cause;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Orders in the context's table, event-sourced: {@code pk} = order id, {@code sk} = version,
 * one item per command with its integration events in the item's outbox and the causing
 * message's id among the remembered ones, a snapshot every {@value #SNAPSHOT_EVERY} versions.
 */
public final class EventStoreOrderRepository implements OrderRepository {

    /**
     * An order lives through at most four events (created, approved, readied, completed): a
     * snapshot at the third means completing it, the busiest path, replays one event.
     */
    public static final int SNAPSHOT_EVERY = 3;

    private final EventStore<Order, OrderEvent, OrderSnapshot> store;
    private final OrderingAnnouncements announcements = new OrderingAnnouncements();

    public EventStoreOrderRepository(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.store = EventStore.builder(dynamo, tableName, EventTypes.sealed(OrderEvent.class),
                        OrderSnapshot.class, Order::new)
                .publisher(Objects.requireNonNull(publisher, "publisher"))
                .snapshotEvery(SNAPSHOT_EVERY)
                .build();
    }

    @Override
    public Optional<Order> find(String orderId) {
        return store.load(orderId);
    }

    @Override
    public Saved add(Order order, Cause cause) {
        Objects.requireNonNull(cause, "cause");
        try {
            // DUPLICATE when this message created it before
            CommandResult<Order> result = store.create(order, announcements.of(order, cause), cause.messageId());
            OrderMetrics.stored(result);
            return saved(result);
        } catch (ConcurrencyConflict taken) {
            // another message created an order with this id (the basket was checked out once)
            return Saved.EXISTS;
        }
    }

    @Override
    public Change change(String orderId, Cause cause, Consumer<Order> command) {
        Objects.requireNonNull(cause, "cause");
        try {
            CommandResult<Order> result = store.update(orderId, cause.messageId(), order -> {
                command.accept(order);
                return announcements.of(order, cause);
            });
            OrderMetrics.stored(result);
            return new Change(result.aggregate(), saved(result));
        } catch (AggregateNotFound notFound) {
            throw NotFound.of("order", orderId);
        }
    }

    private static Saved saved(CommandResult<Order> result) {
        return switch (result.status()) {
            case APPLIED -> Saved.CHANGED;
            case UNCHANGED -> Saved.UNCHANGED;
            case DUPLICATE -> Saved.DUPLICATE;
        };
    }
}
