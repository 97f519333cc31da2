package mallbots.ordering.domain;

import java.util.List;
import mallbots.platform.domain.Money;

/** The whole state of an order at one version; shoppingId and invoiceId are null until set. */
public record OrderSnapshot(String customerId, String paymentId, String shoppingId, String invoiceId,
        List<OrderItem> items, Money total, OrderStatus status) {

    public OrderSnapshot {
        items = List.copyOf(items);
    }
}
