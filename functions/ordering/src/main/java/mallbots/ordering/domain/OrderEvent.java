package mallbots.ordering.domain;

import java.time.Instant;
import java.util.List;
import mallbots.platform.domain.DomainEvent;
import mallbots.platform.domain.Money;

/**
 * What happened to an order. The order's id is the aggregate id, stored with every event; {@code at}
 * is when it happened (null in events stored before the order recorded its times).
 */
public sealed interface OrderEvent extends DomainEvent {

    /** A checked-out basket became a pending order; total is the sum of its lines. */
    record OrderCreated(String customerId, String paymentId, List<OrderItem> items, Money total, Instant at)
            implements OrderEvent {

        public OrderCreated {
            items = List.copyOf(items);
        }
    }

    /** The create-order saga approved the order; shoppingId is its shopping list at the depot. */
    record OrderApproved(String shoppingId, Instant at) implements OrderEvent {
    }

    /** The create-order saga rejected the order (its compensation); reason is why, null if it did not say. */
    record OrderRejected(Instant at, String reason) implements OrderEvent {
    }

    /** A bot delivered the order's shopping list to the depot. */
    record OrderReadied(Instant at) implements OrderEvent {
    }

    /** The order's invoice was paid. */
    record OrderCompleted(String invoiceId, Instant at) implements OrderEvent {
    }

    /** The customer canceled the order. */
    record OrderCanceled(Instant at) implements OrderEvent {
    }
}
