package mallbots.messages.stores;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/** Integration event from mallbots.stores. A product was added to a store's catalog. */
public record ProductAdded(
        String productId,
        String storeId,
        String name,
        String description,
        String sku,
        Money price) {

    public ProductAdded {
        Require.id(productId, "productId");
        Require.id(storeId, "storeId");
        Require.text(name, "name");
        Require.present(description, "description");
        Require.text(sku, "sku");
        Require.notNegative(price, "price");
    }
}
