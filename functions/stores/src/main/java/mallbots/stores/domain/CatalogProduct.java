package mallbots.stores.domain;

import mallbots.platform.domain.Money;

/**
 * A product as the catalog read model shows it ({@code GET /api/stores/products/{id}},
 * {@code /api/stores/{storeId}/products}). A removed product has no catalog entry.
 */
public record CatalogProduct(String id, String storeId, String name, String description, String sku, Money price) {

    public static CatalogProduct of(Product product) {
        if (product.name() == null) {
            throw new IllegalArgumentException("product " + product.id() + " has no history to show");
        }
        if (product.removed()) {
            throw new IllegalArgumentException("product " + product.id() + " was removed: it has no catalog entry");
        }
        return new CatalogProduct(product.id(), product.storeId(), product.name(), product.description(),
                product.sku(), product.price());
    }
}
