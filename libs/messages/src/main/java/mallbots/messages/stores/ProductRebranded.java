package mallbots.messages.stores;

import mallbots.messages.Require;

/** Integration event from mallbots.stores. A product got a new name and description. */
public record ProductRebranded(String productId, String name, String description) {

    public ProductRebranded {
        Require.id(productId, "productId");
        Require.text(name, "name");
        Require.present(description, "description");
    }
}
