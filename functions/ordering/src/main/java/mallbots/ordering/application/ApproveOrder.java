package mallbots.ordering.application;

import java.time.Clock;
import java.util.Objects;
import mallbots.platform.messaging.Cause;

/**
 * The saga's last step: a pending order becomes approved with its shopping list (OrderApproved).
 * An order approved with that list already is a success with nothing to do; a canceled or
 * rejected order (or one approved with another list) is refused, e.g. "order X is canceled", so
 * that the saga compensates.
 */
public final class ApproveOrder {

    private final OrderRepository orders;
    private final Clock clock;

    /** @param clock the time each change of an order is recorded at */
    public ApproveOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SagaAnswer approve(Cause command, String orderId, String shoppingId) {
        return SagaAnswer.afterChanging(orders, command, orderId, order -> order.approve(shoppingId, clock.instant()));
    }
}
