package mallbots.messages.baskets;

import java.util.List;
import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.baskets. A basket was checked out; ordering creates an order with
 * the basket's id.
 */
public record BasketCheckedOut(String basketId, String customerId, String paymentId, List<Item> items) {

    public BasketCheckedOut {
        Require.id(basketId, "basketId");
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        items = Require.items(items, "items");
    }

    /** A line with the store and product names and the price at checkout. */
    public record Item(
            String storeId,
            String productId,
            String storeName,
            String productName,
            Money price,
            int quantity) {

        public Item {
            Require.id(storeId, "storeId");
            Require.id(productId, "productId");
            Require.text(storeName, "storeName");
            Require.text(productName, "productName");
            Require.notNegative(price, "price");
            Require.quantity(quantity, "quantity");
        }
    }
}
