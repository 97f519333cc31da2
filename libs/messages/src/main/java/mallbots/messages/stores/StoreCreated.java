package mallbots.messages.stores;

import mallbots.messages.Require;

/** Integration event from mallbots.stores. A store was created in the mall. */
public record StoreCreated(String storeId, String name, String location) {

    public StoreCreated {
        Require.id(storeId, "storeId");
        Require.text(name, "name");
        Require.text(location, "location");
    }
}
