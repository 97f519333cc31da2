package mallbots.baskets.domain;

import java.util.List;
import mallbots.platform.domain.DomainEvent;
import mallbots.platform.domain.Money;

/** What happened to a basket. The basket's id is the aggregate id, stored with every event. */
public sealed interface BasketEvent extends DomainEvent {

    record BasketStarted(String customerId) implements BasketEvent {
    }

    /** {@code quantity} more of a product, at the price and with the names the caches had then. */
    record BasketItemAdded(
            String storeId, String productId, String storeName, String productName, Money price, int quantity)
            implements BasketEvent {
    }

    /** {@code quantity} fewer of a product; the line goes when none is left. */
    record BasketItemRemoved(String productId, int quantity) implements BasketEvent {
    }

    record BasketCanceled(String customerId) implements BasketEvent {
    }

    /** The lines as they were checked out: what ordering turns into an order. */
    record BasketCheckedOut(String customerId, String paymentId, List<BasketItem> items) implements BasketEvent {

        public BasketCheckedOut {
            items = List.copyOf(items);
        }
    }
}
