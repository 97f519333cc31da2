package mallbots.ordering.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mallbots.ordering.domain.Order;
import mallbots.ordering.domain.OrderItem;
import mallbots.platform.domain.Money;

/**
 * An order as the API shows it: status as "pending", "rejected", "approved", "ready",
 * "completed" or "canceled", money as "12.50"; shoppingId only once approved, invoiceId only
 * once completed. createdAt, updatedAt and statusTimes (each status the order went through,
 * in the order of its life, by label) are ISO-8601 instants to the millisecond, recorded by the
 * order as it changed; absent for changes stored before the order recorded its times.
 * rejectedReason: why the saga rejected it (e.g. "timed out"), only for a rejected order that was told.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String id, String customerId, String paymentId, String shoppingId, String invoiceId,
        List<Item> items, Money total, String status, Instant createdAt, Instant updatedAt,
        Map<String, Instant> statusTimes, String rejectedReason) {

    public OrderView {
        items = List.copyOf(items);
        statusTimes = Collections.unmodifiableMap(new LinkedHashMap<>(statusTimes));
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.paymentId(), order.shoppingId(),
                order.invoiceId(), order.items().stream().map(Item::of).toList(), order.total(),
                order.status().label(), order.createdAt(), order.updatedAt(), labelled(order),
                order.rejectedReason());
    }

    private static Map<String, Instant> labelled(Order order) {
        Map<String, Instant> times = new LinkedHashMap<>();
        order.statusTimes().forEach((status, at) -> times.put(status.label(), at));
        return times;
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
