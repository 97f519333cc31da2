package mallbots.messages.stores;

import mallbots.messages.Require;

/** Integration event from mallbots.stores. A product was removed from its store's catalog. */
public record ProductRemoved(String productId) {

    public ProductRemoved {
        Require.id(productId, "productId");
    }
}
