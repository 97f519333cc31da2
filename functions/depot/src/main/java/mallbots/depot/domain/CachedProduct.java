package mallbots.depot.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;

/**
 * What depot knows of a product: its store (from ProductAdded; a product never moves), its name
 * as of the version that set it (ProductAdded, ProductRebranded), and whether it was removed
 * (ProductRemoved, final whatever arrives after it). Prices are not depot's concern. Any order
 * and any number of copies of the same events end in the same entry.
 *
 * @param storeId null until ProductAdded is seen
 */
public record CachedProduct(String productId, String storeId, Versioned<String> name, boolean removed) {

    public CachedProduct {
        InvalidValue.requireText(productId, "productId");
        Objects.requireNonNull(name, "name");
    }

    /** The entry of a product no event has been seen for yet. */
    public static CachedProduct unseen(String productId) {
        return new CachedProduct(productId, null, Versioned.unset(), false);
    }

    /** ProductAdded at {@code version}. */
    public CachedProduct added(String productStoreId, String productName, long version) {
        return new CachedProduct(productId, InvalidValue.requireText(productStoreId, "storeId"),
                name.merge(InvalidValue.requireText(productName, "name"), version), removed);
    }

    /** ProductRebranded at {@code version}. */
    public CachedProduct rebranded(String productName, long version) {
        return new CachedProduct(productId, storeId, name.merge(InvalidValue.requireText(productName, "name"), version),
                removed);
    }

    /** ProductRemoved. */
    public CachedProduct removedFromCatalog() {
        return new CachedProduct(productId, storeId, name, true);
    }

    /** Added (store and name known) and not removed: it can go on a shopping list. */
    public boolean available() {
        return storeId != null && name.known() && !removed;
    }
}
