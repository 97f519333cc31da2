package mallbots.stores.application;

import java.util.Objects;
import mallbots.platform.domain.Money;
import mallbots.stores.domain.CatalogProduct;
import mallbots.stores.domain.Product;

/** PUT /api/stores/products/{id}/increasePrice: the new, higher price. */
public final class IncreaseProductPrice {

    private final ProductRepository products;
    private final CatalogReadModel catalog;

    public IncreaseProductPrice(ProductRepository products, CatalogReadModel catalog) {
        this.products = Objects.requireNonNull(products, "products");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public CatalogProduct execute(String productId, Money newPrice) {
        Product product = products.change(productId, found -> found.increasePrice(newPrice));
        catalog.show(product);
        return CatalogProduct.of(product);
    }
}
