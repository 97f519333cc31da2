package mallbots.baskets.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import mallbots.baskets.domain.Basket;
import mallbots.baskets.domain.BasketItem;
import mallbots.platform.domain.Money;

/**
 * A basket as the API shows it: status as "open", "canceled" or "checked_out", money as
 * "12.50", and no paymentId before checkout.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BasketView(String id, String customerId, String paymentId, String status, List<Item> items,
        Money total) {

    public BasketView {
        items = List.copyOf(items);
    }

    public static BasketView of(Basket basket) {
        return new BasketView(basket.id(), basket.customerId(), basket.paymentId(), basket.status().label(),
                basket.items().stream().map(Item::of).toList(), basket.total());
    }

    /** One line: the product, the names and price it was added with, how many. */
    public record Item(String storeId, String productId, String storeName, String productName, Money price,
            int quantity) {

        static Item of(BasketItem item) {
            return new Item(item.storeId(), item.productId(), item.storeName(), item.productName(), item.price(),
                    item.quantity());
        }
    }
}
