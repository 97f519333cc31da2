package mallbots.ordering.application;

import java.time.Clock;
import java.util.Objects;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Cause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot delivered the order's shopping list (ShoppingListCompleted): the approved order becomes
 * ready (OrderReadied, which makes payments issue the invoice).
 *
 * <ul>
 *   <li>ready or completed already (a duplicate): nothing to do;</li>
 *   <li>canceled or rejected: ignored with a log line. The bot may finish a list before the
 *       cancellation reaches the depot; the order stays canceled;</li>
 *   <li>pending: refused, so the message's record fails and SQS delivers it again. The depot
 *       makes the list available before the saga's ApproveOrder reaches ordering, so a fast bot
 *       can complete it first; the retry finds the order approved (a list that never gets
 *       approved ends in the dead-letter queue);</li>
 *   <li>no such order, or another shopping list than the order's: refused (retried, then the DLQ).</li>
 * </ul>
 */
public final class ReadyOrder {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyOrder.class);

    private final OrderRepository orders;
    private final Clock clock;

    /** @param clock the time each change of an order is recorded at */
    public ReadyOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws NotFound      if there is no such order
     * @throws RuleViolation if the order is pending or has another shopping list
     */
    public OrderRepository.Saved ready(Cause cause, String orderId, String shoppingListId) {
        OrderRepository.Change change = orders.change(orderId, cause, order -> {
            if (!order.stopped()) {
                order.ready(shoppingListId, clock.instant());
            }
        });
        if (change.saved() == OrderRepository.Saved.UNCHANGED && change.order().stopped()) {
            LOG.warn("ShoppingListCompleted {}: shopping list {} delivered for order {}, which is {}: ignored",
                    cause.messageId(), shoppingListId, orderId, change.order().status().label());
        } else if (change.saved() != OrderRepository.Saved.CHANGED) {
            LOG.info("ShoppingListCompleted {}: order {} is {} already: nothing to do", cause.messageId(), orderId,
                    change.order().status().label());
        }
        return change.saved();
    }
}
