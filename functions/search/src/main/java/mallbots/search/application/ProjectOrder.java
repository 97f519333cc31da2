package mallbots.search.application;

import java.time.Instant;
import java.util.Objects;
import mallbots.search.domain.OrderStatus;
import mallbots.search.domain.Placement;

/**
 * Keeps the orders read model from the order events, each applied once (message id) and merged
 * by the order's aggregate version, so duplicates and any order of arrival end the same.
 */
public final class ProjectOrder {

    private final SearchOrders orders;

    public ProjectOrder(SearchOrders orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    public boolean created(String messageId, String orderId, Placement placement, long version) {
        return orders.apply(orderId, messageId, order -> order.created(placement, version));
    }

    public boolean changed(String messageId, String orderId, OrderStatus status, long version, Instant occurredAt) {
        return orders.apply(orderId, messageId, order -> order.changed(status, version, occurredAt));
    }
}
