package mallbots.baskets.domain;

import java.util.Optional;
import java.util.function.Function;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.NotFound;

/**
 * What a basket needs to know about a product to put it in a line, as the caches know it now.
 * Baskets never asks the stores context: a product the caches do not know is not found.
 */
public record ProductInfo(String storeId, String productId, String storeName, String productName, Money price) {

    public ProductInfo {
        InvalidValue.requireText(storeId, "storeId");
        InvalidValue.requireText(productId, "productId");
        InvalidValue.requireText(storeName, "storeName");
        InvalidValue.requireText(productName, "productName");
        if (price == null) {
            throw new InvalidValue("price is required");
        }
        if (!price.isPositive()) {
            throw new InvalidValue("price must be more than 0.00, was " + price);
        }
    }

    /**
     * The product from the caches, with its store's name.
     *
     * @param product the cached product with that id, if any
     * @param stores  the cached store with a given id, if any
     * @throws NotFound if the product is unknown, removed, not yet fully known, or its store is unknown
     */
    public static ProductInfo fromCaches(String productId, Optional<CachedProduct> product,
            Function<String, Optional<CachedStore>> stores) {
        CachedProduct cached = product.filter(CachedProduct::available)
                .orElseThrow(() -> NotFound.of("product", productId));
        CachedStore store = stores.apply(cached.storeId()).filter(known -> known.name().known())
                .orElseThrow(() -> NotFound.of("store", cached.storeId()));
        return new ProductInfo(store.storeId(), cached.productId(), store.name().value(), cached.name().value(),
                cached.price().value());
    }
}
