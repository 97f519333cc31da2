package mallbots.ordering.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import mallbots.ordering.domain.Order;
import mallbots.ordering.domain.OrderItem;
import mallbots.platform.domain.Money;

/**
 * An order as the API shows it: status as "pending", "rejected", "approved", "ready",
 * "completed" or "canceled", money as "12.50"; shoppingId only once approved, invoiceId only
 * once completed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String id, String customerId, String paymentId, String shoppingId, String invoiceId,
        List<Item> items, Money total, String status) {

    public OrderView {
        items = List.copyOf(items);
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.paymentId(), order.shoppingId(),
                order.invoiceId(), order.items().stream().map(Item::of).toList(), order.total(),
                order.status().label());
    }

    /** One line: the product, the names and price it was checked out with, how many. */
    public record Item(String productId, String storeId, String storeName, String productName, Money price,
            int quantity) {

        static Item of(OrderItem item) {
            return new Item(item.productId(), item.storeId(), item.storeName(), item.productName(), item.price(),
                    item.quantity());
        }
    }
}
