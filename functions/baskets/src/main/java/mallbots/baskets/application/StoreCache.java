package mallbots.baskets.application;

import java.util.Optional;
import mallbots.baskets.domain.CachedStore;

/** Baskets' own copy of what it needs to know about the mall's stores, fed by the stores context's events. */
public interface StoreCache {

    Optional<CachedStore> find(String storeId);

    /**
     * Merges {@code update} into the store's entry as {@link CachedStore#apply} says, once per
     * message: a message already applied changes nothing.
     *
     * @return false if the message had already been applied
     */
    boolean merge(String messageId, CachedStore update);
}
