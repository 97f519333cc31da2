package mallbots.stores.application;

import java.util.Objects;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.CatalogProduct;

/** GET /api/stores/products/{id}: read from the product's own history, so always current; a removed product is not found. */
public final class GetProduct {

    private final ProductRepository products;

    public GetProduct(ProductRepository products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    public CatalogProduct execute(String productId) {
        return products.find(productId)
                .filter(product -> !product.removed())
                .map(CatalogProduct::of)
                .orElseThrow(() -> NotFound.of("product", productId));
    }
}
