package mallbots.cosec.domain;

import java.util.Objects;

/** A product of the order and how many of it a bot must collect from its store. */
public record ShoppingItem(String productId, String storeId, int quantity) {

    public ShoppingItem {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(storeId, "storeId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }
}
