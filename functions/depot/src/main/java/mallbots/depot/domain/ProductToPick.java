package mallbots.depot.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;

/**
 * What depot knows of a product, an entry of its cache of the stores context's products (a product
 * a bot picks on a shopping list): its store (from ProductAdded; a product never moves) and its name
 * as of the version that set it (ProductAdded, ProductRebranded). Prices are not depot's concern.
 * Removals are the cache's tombstones ({@link mallbots.platform.cache.EntityCache}): an entry read
 * for a removed product is {@link #removedFromCatalog}, so that a list can say why it refuses it.
 *
 * @param storeId null until ProductAdded is seen
 */
public record ProductToPick(String productId, String storeId, Versioned<String> name, boolean removed) {

    public ProductToPick {
        InvalidValue.requireText(productId, "productId");
        Objects.requireNonNull(name, "name");
    }

    /** The entry of a product no event has been seen for yet. */
    public static ProductToPick unseen(String productId) {
        return new ProductToPick(productId, null, Versioned.unset(), false);
    }

    /** The entry of a product the cache holds as removed. */
    public static ProductToPick removedFromCatalog(String productId) {
        return new ProductToPick(productId, null, Versioned.unset(), true);
    }

    /** ProductAdded at {@code version}. */
    public ProductToPick added(String productStoreId, String productName, long version) {
        return new ProductToPick(productId, InvalidValue.requireText(productStoreId, "storeId"),
                name.merge(InvalidValue.requireText(productName, "name"), version), removed);
    }

    /** ProductRebranded at {@code version}. */
    public ProductToPick rebranded(String productName, long version) {
        return new ProductToPick(productId, storeId, name.merge(InvalidValue.requireText(productName, "name"), version),
                removed);
    }

    /** Added (store and name known) and not removed: it can go on a shopping list. */
    public boolean available() {
        return storeId != null && name.known() && !removed;
    }
}
