package mallbots.ordering.application;

import java.time.Clock;
import java.util.Objects;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Cause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order's invoice was paid (InvoicePaid): the ready order completes with that invoice
 * (OrderCompleted). A completed order (same invoice) is a duplicate: nothing to do. Any other
 * state is refused and the record fails, to reach the dead-letter queue after its retries:
 * payments issues an invoice only from OrderReadied, so a paid invoice for an order that is not
 * ready means something is wrong, and it must be seen rather than dropped.
 */
public final class CompleteOrder {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteOrder.class);

    private final OrderRepository orders;
    private final Clock clock;

    /** @param clock the time each change of an order is recorded at */
    public CompleteOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws NotFound      if there is no such order
     * @throws RuleViolation if the order is not ready (nor completed with that invoice)
     */
    public OrderRepository.Saved complete(Cause cause, String orderId, String invoiceId) {
        OrderRepository.Change change = orders.change(orderId, cause, order -> order.complete(invoiceId, clock.instant()));
        if (change.saved() != OrderRepository.Saved.CHANGED) {
            LOG.info("InvoicePaid {}: order {} is completed already: nothing to do", cause.messageId(), orderId);
        }
        return change.saved();
    }
}
