package mallbots.baskets.application;

import java.util.Objects;
import mallbots.baskets.domain.CachedProduct;
import mallbots.platform.domain.Money;

/**
 * Keeps the product cache current from the stores context's product events. Each event sets only
 * its part of the entry, and only if it is newer than the event that last set that part (see
 * {@link CachedProduct}), so duplicates and any reordering leave the entry right; a message
 * applied before changes nothing at all. Each method answers false for such a duplicate.
 */
public final class UpdateProductCache {

    private final ProductCache products;

    public UpdateProductCache(ProductCache products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    /** ProductAdded at aggregate version {@code version}. */
    public boolean added(String messageId, String productId, String storeId, String name, Money price,
            long version) {
        return products.merge(productId, messageId, product -> product.added(storeId, name, price, version));
    }

    /** ProductRebranded. */
    public boolean rebranded(String messageId, String productId, String name, long version) {
        return products.merge(productId, messageId, product -> product.rebranded(name, version));
    }

    /** ProductPriceIncreased or ProductPriceDecreased: the new price (never the delta). */
    public boolean repriced(String messageId, String productId, Money price, long version) {
        return products.merge(productId, messageId, product -> product.repriced(price, version));
    }

    /** ProductRemoved. */
    public boolean removed(String messageId, String productId, long version) {
        return products.merge(productId, messageId, product -> product.removedAt(version));
    }
}
