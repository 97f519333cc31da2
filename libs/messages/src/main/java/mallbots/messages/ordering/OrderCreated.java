package mallbots.messages.ordering;

import java.util.List;
import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.ordering. An order was created (pending) from a checked-out basket;
 * starts the create-order saga.
 */
public record OrderCreated(
        String orderId,
        String customerId,
        String paymentId,
        List<Item> items,
        Money total) {

    public OrderCreated {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        items = Require.items(items, "items");
        Require.notNegative(total, "total");
    }

    /** A line with the store and product names and the price at checkout. */
    public record Item(
            String productId,
            String storeId,
            String storeName,
            String productName,
            Money price,
            int quantity) {

        public Item {
            Require.id(productId, "productId");
            Require.id(storeId, "storeId");
            Require.text(storeName, "storeName");
            Require.text(productName, "productName");
            Require.notNegative(price, "price");
            Require.quantity(quantity, "quantity");
        }
    }
}
