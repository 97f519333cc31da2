package mallbots.search.application;

import java.time.Instant;
import java.util.Objects;
import mallbots.platform.messaging.Cause;
import mallbots.search.domain.Placement;
import mallbots.search.domain.SearchOrderStatus;

/**
 * Keeps the orders read model from the order events, each applied once (message id) and merged
 * by the order's aggregate version, so duplicates and any order of arrival end the same.
 */
public final class ProjectOrder {

    private final SearchOrders orders;

    public ProjectOrder(SearchOrders orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** OrderCreated; false for a message already applied. */
    public boolean created(Cause cause, String orderId, Placement placement, long version) {
        return orders.apply(orderId, byMessage(cause), order -> order.created(placement, version));
    }

    /** An event that changed the order's status; false for a message already applied. */
    public boolean changed(Cause cause, String orderId, SearchOrderStatus status, long version, Instant occurredAt) {
        return orders.apply(orderId, byMessage(cause), order -> order.changed(status, version, occurredAt));
    }

    private static Cause byMessage(Cause cause) {
        if (!cause.isMessage()) {
            throw new IllegalArgumentException(
                    "the orders read model changes only on an order event, not on a request");
        }
        return cause;
    }
}
