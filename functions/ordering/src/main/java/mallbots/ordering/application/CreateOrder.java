package mallbots.ordering.application;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import mallbots.ordering.domain.Order;
import mallbots.ordering.domain.OrderItem;
import mallbots.platform.messaging.Cause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checked-out basket becomes a pending order with the basket's id, announced by OrderCreated
 * (which starts the create-order saga). A basket is checked out once, so a second
 * BasketCheckedOut for it (a redelivery, or a copy with another message id) creates nothing and
 * announces nothing: the order that exists stays as it is.
 */
public final class CreateOrder {

    private static final Logger LOG = LoggerFactory.getLogger(CreateOrder.class);

    private final OrderRepository orders;
    private final Clock clock;

    /** @param clock the time each change of an order is recorded at */
    public CreateOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return true if the order was created now, false if it existed already */
    public boolean fromCheckout(Cause cause, String basketId, String customerId, String paymentId,
            List<OrderItem> items) {
        Objects.requireNonNull(cause, "cause");
        Order order = Order.create(basketId, customerId, paymentId, items, clock.instant());
        OrderRepository.Saved saved = orders.add(order, cause);
        switch (saved) {
            case CHANGED -> {
                return true;
            }
            case DUPLICATE -> LOG.info("BasketCheckedOut {} already made order {}: nothing to do",
                    cause.messageId(), basketId);
            case EXISTS -> LOG.warn("BasketCheckedOut {}: order {} exists already (the basket was checked out "
                    + "before): nothing created", cause.messageId(), basketId);
            case UNCHANGED -> throw new IllegalStateException("a new order always has an event");
        }
        return false;
    }
}
