package mallbots.baskets.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;

/**
 * What baskets knows of a store: its name, as of the store's aggregate version that set it
 * (StoreCreated, StoreRebranded; StoreParticipationToggled does not concern baskets).
 */
public record CachedStore(String storeId, Versioned<String> name) {

    public CachedStore {
        InvalidValue.requireText(storeId, "storeId");
        Objects.requireNonNull(name, "name");
    }

    /** The entry of a store no event has been seen for yet. */
    public static CachedStore unseen(String storeId) {
        return new CachedStore(storeId, Versioned.unset());
    }

    /** StoreCreated or StoreRebranded at {@code version}. */
    public CachedStore named(String storeName, long version) {
        return new CachedStore(storeId, name.merge(InvalidValue.requireText(storeName, "name"), version));
    }
}
