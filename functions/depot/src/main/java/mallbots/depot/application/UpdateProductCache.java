package mallbots.depot.application;

import java.util.Objects;

/**
 * Keeps the product cache current from ProductAdded, ProductRebranded and ProductRemoved (prices
 * are not depot's concern). Duplicates and any order leave the entry right; a message applied
 * before changes nothing. Each method answers false for such a duplicate.
 */
public final class UpdateProductCache {

    private final ProductCache products;

    public UpdateProductCache(ProductCache products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    public boolean added(String messageId, String productId, String storeId, String name, long version) {
        return products.merge(productId, messageId, product -> product.added(storeId, name, version));
    }

    public boolean rebranded(String messageId, String productId, String name, long version) {
        return products.merge(productId, messageId, product -> product.rebranded(name, version));
    }

    public boolean removed(String messageId, String productId) {
        return products.merge(productId, messageId, product -> product.removedFromCatalog());
    }
}
