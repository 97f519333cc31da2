package mallbots.ordering.application;

import java.util.Optional;
import java.util.function.Consumer;
import mallbots.ordering.domain.Order;
import mallbots.platform.domain.NotFound;
import mallbots.platform.messaging.Cause;

/**
 * Where orders are kept. Saving an order also announces its new domain events (the integration
 * events of mallbots.ordering) in the same write. Every change names its {@link Cause}: a message
 * is then applied at most once, and the announcements belong to its flow; a change from an HTTP
 * request ({@link Cause#request()}) starts a flow of its own.
 */
public interface OrderRepository {

    /** What saving did. */
    enum Saved {
        /** The events are stored and announced. */
        CHANGED,
        /** The command raised nothing: nothing was stored. */
        UNCHANGED,
        /** The causing message had been applied already: the command did not run. */
        DUPLICATE,
        /** Creating: another message made an order with that id already; nothing was stored. */
        EXISTS
    }

    /** The order as stored after a change, and what the change did. */
    record Change(Order order, Saved saved) {
    }

    Optional<Order> find(String orderId);

    /** Stores a new order: {@code CHANGED}, {@code DUPLICATE} (that message created it) or {@code EXISTS}. */
    Saved add(Order order, Cause cause);

    /**
     * Loads the order, runs {@code command} on it and stores what it raised. The command may run
     * more than once (another writer changed the order meanwhile): no side effects in it.
     *
     * @throws NotFound if there is no such order
     */
    Change change(String orderId, Cause cause, Consumer<Order> command);
}
