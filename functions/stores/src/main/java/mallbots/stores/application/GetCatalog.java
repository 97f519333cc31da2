package mallbots.stores.application;

import java.util.List;
import java.util.Objects;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.CatalogProduct;

/** GET /api/stores/{storeId}/products: the products of a store, by name; an unknown store is not found. */
public final class GetCatalog {

    private final StoreRepository stores;
    private final CatalogReadModel catalog;

    public GetCatalog(StoreRepository stores, CatalogReadModel catalog) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public List<CatalogProduct> execute(String storeId) {
        if (stores.find(storeId).isEmpty()) {
            throw NotFound.of("store", storeId);
        }
        return catalog.productsOf(storeId);
    }
}
