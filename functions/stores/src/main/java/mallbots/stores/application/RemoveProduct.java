package mallbots.stores.application;

import java.util.Objects;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.Product;

/** DELETE /api/stores/products/{id}: the product leaves its store's catalog for good. */
public final class RemoveProduct {

    private final ProductRepository products;
    private final CatalogReadModel catalog;

    public RemoveProduct(ProductRepository products, CatalogReadModel catalog) {
        this.products = Objects.requireNonNull(products, "products");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public void execute(String productId) {
        try {
            catalog.show(products.change(productId, Product::remove));
        } catch (NotFound gone) {
            // No later command can repair a removed product's catalog item, so a client that
            // retries the removal (say after a crash before the catalog write) repairs it here.
            products.find(productId).filter(Product::removed).ifPresent(catalog::show);
            throw gone;
        }
    }
}
