package mallbots.messages.stores;

import mallbots.messages.Require;

/** Integration event from mallbots.stores. A store got a new name. */
public record StoreRebranded(String storeId, String name) {

    public StoreRebranded {
        Require.id(storeId, "storeId");
        Require.text(name, "name");
    }
}
