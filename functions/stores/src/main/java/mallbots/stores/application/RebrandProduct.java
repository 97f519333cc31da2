package mallbots.stores.application;

import java.util.Objects;
import mallbots.stores.domain.CatalogProduct;
import mallbots.stores.domain.Product;

/** PUT /api/stores/products/{id}/rebrand: a new name and description for the product. */
public final class RebrandProduct {

    private final ProductRepository products;
    private final CatalogReadModel catalog;

    public RebrandProduct(ProductRepository products, CatalogReadModel catalog) {
        this.products = Objects.requireNonNull(products, "products");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public CatalogProduct execute(String productId, String name, String description) {
        Product product = products.change(productId, found -> found.rebrand(name, description));
        catalog.show(product);
        return CatalogProduct.of(product);
    }
}
