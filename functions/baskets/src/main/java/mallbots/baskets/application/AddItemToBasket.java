package mallbots.baskets.application;

import java.util.Objects;
import mallbots.baskets.domain.CachedProduct;
import mallbots.baskets.domain.CachedStore;
import mallbots.baskets.domain.ProductInfo;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.NotFound;

/**
 * Puts some of a product in an open basket, with the store name, product name and price that
 * baskets' own caches hold now. Baskets never asks the stores context: a product the caches do not
 * know (never seen, removed, or of a store they do not know) is not found.
 */
public final class AddItemToBasket {

    private final BasketRepository baskets;
    private final EntityCache<CachedProduct> products;
    private final EntityCache<CachedStore> stores;

    public AddItemToBasket(BasketRepository baskets, EntityCache<CachedProduct> products,
            EntityCache<CachedStore> stores) {
        this.baskets = Objects.requireNonNull(baskets, "baskets");
        this.products = Objects.requireNonNull(products, "products");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** @throws NotFound if the basket or the product is unknown */
    public BasketView add(String basketId, String productId, int quantity) {
        String product = InvalidValue.requireText(productId, "productId");
        if (quantity < 1) {
            // checked before the lookups, so that a wrong quantity is a 400 whatever the product
            throw new InvalidValue("quantity must be at least 1, was " + quantity);
        }
        // Read once, outside the command: a retried command then adds the same line.
        ProductInfo info = ProductInfo.fromCaches(product, products.find(product), stores::find);
        return BasketView.of(baskets.change(basketId, basket -> basket.addItem(info, quantity)));
    }
}
