package mallbots.stores.application;

import java.util.Objects;
import java.util.UUID;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.Product;

/** POST /api/stores/{storeId}/products: a new product in an existing store's catalog. */
public final class AddProduct {

    private final StoreRepository stores;
    private final ProductRepository products;
    private final CatalogReadModel catalog;

    public AddProduct(StoreRepository stores, ProductRepository products, CatalogReadModel catalog) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.products = Objects.requireNonNull(products, "products");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** @return the new product's id */
    public String execute(String storeId, String name, String description, String sku, Money price) {
        // the values first (a 400 names the field), then the store
        Product product = Product.add(UUID.randomUUID().toString(), storeId, name, description, sku, price);
        if (stores.find(storeId).isEmpty()) {
            throw NotFound.of("store", storeId);
        }
        Product stored = products.add(product);
        catalog.show(stored);
        return stored.id();
    }
}
