package mallbots.ordering.application;

import java.time.Clock;
import java.util.Objects;
import mallbots.ordering.domain.Order;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Cause;

/** The customer cancels an order that is pending or approved; OrderCanceled tells depot and payments. */
public final class CancelOrder {

    private final OrderRepository orders;
    private final Clock clock;

    /** @param clock the time each change of an order is recorded at */
    public CancelOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws NotFound      if there is no such order
     * @throws RuleViolation if the order is neither pending nor approved
     */
    public OrderView cancel(Cause cause, String orderId) {
        return OrderView.of(orders.change(OrderIds.require(orderId), cause, order -> order.cancel(clock.instant()))
                .order());
    }
}
