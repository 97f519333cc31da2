package mallbots.baskets.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.Versioned;

/**
 * What baskets knows of a product, fed by the stores context's product events (kept by the
 * kernel's {@link mallbots.platform.cache.EntityCache}, which also keeps removals). Each event
 * carries only part of the product (ProductAdded everything, ProductRebranded the name, a price
 * change the new price), so the name and the price each keep the version that set them: a rebrand
 * (version 2) delivered after a price change (version 3) still renames.
 *
 * @param storeId null until ProductAdded is seen (a product never moves to another store)
 */
public record CachedProduct(String productId, String storeId, Versioned<String> name, Versioned<Money> price) {

    public CachedProduct {
        InvalidValue.requireText(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }

    /** The entry of a product no event has been seen for yet. */
    public static CachedProduct unseen(String productId) {
        return new CachedProduct(productId, null, Versioned.unset(), Versioned.unset());
    }

    /** ProductAdded at {@code version}. */
    public CachedProduct added(String productStoreId, String productName, Money productPrice, long version) {
        return new CachedProduct(productId, InvalidValue.requireText(productStoreId, "storeId"),
                name.merge(InvalidValue.requireText(productName, "name"), version),
                price.merge(Objects.requireNonNull(productPrice, "price"), version));
    }

    /** ProductRebranded at {@code version}. */
    public CachedProduct rebranded(String productName, long version) {
        return new CachedProduct(productId, storeId, name.merge(InvalidValue.requireText(productName, "name"), version),
                price);
    }

    /** ProductPriceIncreased or ProductPriceDecreased at {@code version}: the new price, never the delta. */
    public CachedProduct repriced(Money newPrice, long version) {
        return new CachedProduct(productId, storeId, name, price.merge(Objects.requireNonNull(newPrice, "price"),
                version));
    }

    /** Known well enough to go into a basket: added (store, name and price known). */
    public boolean available() {
        return storeId != null && name.known() && price.known();
    }
}
