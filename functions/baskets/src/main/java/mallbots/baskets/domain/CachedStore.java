package mallbots.baskets.domain;

import java.util.Optional;
import mallbots.platform.domain.InvalidValue;

/**
 * What baskets knows of a store: its name, as of the store's aggregate version that set it.
 *
 * <p>Store events arrive at least once and in any order. Only StoreCreated and StoreRebranded
 * carry the name, and each update here is one of them; {@code version} is the version of the event
 * that set the name. An event that does not carry the name (StoreParticipationToggled) must not
 * move {@code version}: otherwise a rebrand delivered after a later toggle would be taken for stale.
 */
public record CachedStore(String storeId, String name, long version) {

    public CachedStore {
        InvalidValue.requireText(storeId, "storeId");
        name = InvalidValue.requireText(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("an aggregate version is at least 1: " + version);
        }
    }

    /** The entry after {@code update}: the update if it is newer, else this entry (a duplicate or a late event). */
    public CachedStore updatedBy(CachedStore update) {
        if (!update.storeId.equals(storeId)) {
            throw new IllegalArgumentException("an update of store " + update.storeId + " for store " + storeId);
        }
        return update.version > version ? update : this;
    }

    /** The entry after {@code update}, from what the cache held (if anything). */
    public static CachedStore apply(Optional<CachedStore> current, CachedStore update) {
        return current.map(entry -> entry.updatedBy(update)).orElse(update);
    }
}
