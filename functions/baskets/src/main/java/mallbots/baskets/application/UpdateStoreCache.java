package mallbots.baskets.application;

import java.util.Objects;
import mallbots.baskets.domain.CachedStore;

/**
 * Keeps the store cache current from the stores context's events that carry a store's name
 * (StoreCreated, StoreRebranded). Each arrives at least once and in any order: the entry keeps
 * the name of the newest version seen, and a message applied before changes nothing.
 */
public final class UpdateStoreCache {

    private final StoreCache stores;

    public UpdateStoreCache(StoreCache stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /**
     * The store is called {@code name} as of its aggregate version {@code version}.
     *
     * @return false if the message had already been applied
     */
    public boolean named(String messageId, String storeId, String name, long version) {
        return stores.merge(messageId, new CachedStore(storeId, name, version));
    }
}
