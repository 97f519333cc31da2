package mallbots.stores.application;

import java.util.List;
import mallbots.stores.domain.CatalogProduct;
import mallbots.stores.domain.Product;

/**
 * The catalog: the products of each store, for the listing. Updated like {@link MallReadModel}:
 * the product's whole view, only if newer; a removed product leaves the listing.
 */
public interface CatalogReadModel {

    /** Shows the product as it is now (at {@code product.version()}); an older version than shown changes nothing. */
    void show(Product product);

    /** The products of the store that are not removed, by name. */
    List<CatalogProduct> productsOf(String storeId);
}
