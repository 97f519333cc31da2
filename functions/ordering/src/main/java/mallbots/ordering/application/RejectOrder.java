package mallbots.ordering.application;

import java.time.Clock;
import java.util.Objects;
import mallbots.platform.messaging.Cause;

/**
 * The saga's compensation: a pending order becomes rejected (OrderRejected). An order rejected
 * or canceled already is a success with nothing to do: a compensation asks that the order not go
 * ahead, and it will not. An order that went ahead (approved, ready, completed) is refused.
 */
public final class RejectOrder {

    private final OrderRepository orders;
    private final Clock clock;

    /** @param clock the time each change of an order is recorded at */
    public RejectOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code reason}: why the saga gave up, kept by the order (null when the command has none). */
    public SagaAnswer reject(Cause command, String orderId, String reason) {
        return SagaAnswer.afterChanging(orders, command, orderId, order -> order.reject(reason, clock.instant()));
    }
}
