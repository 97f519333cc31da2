package mallbots.ordering.domain;

import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;

/** One line of an order: a product, the names and price it was checked out with, how many. */
public record OrderItem(
        String productId, String storeId, String storeName, String productName, Money price, int quantity) {

    public OrderItem {
        InvalidValue.requireText(productId, "productId");
        InvalidValue.requireText(storeId, "storeId");
        InvalidValue.requireText(storeName, "storeName");
        InvalidValue.requireText(productName, "productName");
        if (price == null || price.isNegative()) {
            throw new InvalidValue("price must not be negative, was " + price);
        }
        if (quantity < 1) {
            throw new InvalidValue("quantity must be at least 1, was " + quantity);
        }
    }

    public Money total() {
        return price.times(quantity);
    }
}
