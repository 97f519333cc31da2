package mallbots.baskets.domain;

import mallbots.platform.domain.Money;

/** One line of a basket: a product, the names and price it was added with, and how many. */
public record BasketItem(
        String storeId, String productId, String storeName, String productName, Money price, int quantity) {

    public Money total() {
        return price.times(quantity);
    }
}
