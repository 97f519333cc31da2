package mallbots.ordering.adapters;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import mallbots.ordering.domain.Order;
import mallbots.ordering.domain.OrderStatus;
import mallbots.platform.eventstore.CommandResult;
import mallbots.platform.metrics.FunctionMetrics;

/**
 * The orders' metrics, counted once per stored change (a redelivered message stores nothing and
 * counts nothing): OrdersCreated, OrdersApproved, OrdersRejected, OrdersReady, OrdersCompleted,
 * OrdersCanceled, and OrderApprovalMillis, the create-order saga's time from pending to approved.
 */
final class OrderMetrics {

    private OrderMetrics() {
    }

    static void stored(CommandResult<Order> result) {
        if (result.status() != CommandResult.Status.APPLIED) {
            return;
        }
        Order order = result.aggregate();
        String status = order.status() == OrderStatus.PENDING ? "Created" : order.status().name().charAt(0)
                + order.status().name().substring(1).toLowerCase(Locale.ROOT);
        FunctionMetrics.count("Orders" + status);
        if (order.status() == OrderStatus.APPROVED) {
            Instant pending = order.statusTimes().get(OrderStatus.PENDING);
            Instant approved = order.statusTimes().get(OrderStatus.APPROVED);
            if (pending != null && approved != null) {
                FunctionMetrics.millis("OrderApprovalMillis", Duration.between(pending, approved).toMillis());
            }
        }
    }
}
