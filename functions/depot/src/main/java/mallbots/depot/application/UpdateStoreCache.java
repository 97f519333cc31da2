package mallbots.depot.application;

import java.util.Objects;

/**
 * Keeps the store cache current from StoreCreated and StoreRebranded. Each part of an entry keeps
 * the newest version that set it, so duplicates and any order leave it right; a message applied
 * before changes nothing. Each method answers false for such a duplicate.
 */
public final class UpdateStoreCache {

    private final StoreCache stores;

    public UpdateStoreCache(StoreCache stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    public boolean created(String messageId, String storeId, String name, String location, long version) {
        return stores.merge(storeId, messageId, store -> store.created(name, location, version));
    }

    public boolean rebranded(String messageId, String storeId, String name, long version) {
        return stores.merge(storeId, messageId, store -> store.rebranded(name, version));
    }
}
