package mallbots.depot.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;

/**
 * What depot knows of a store, an entry of its cache of the stores context's stores (a store a bot
 * visits on a shopping list): its name and location, each as of the store's aggregate version
 * that set it (StoreCreated sets both, StoreRebranded the name). Events arrive at least once and
 * in any order, so each part merges by its own version; a bot can be sent to the store once both
 * are {@linkplain #known() known}.
 */
public record StoreToVisit(String storeId, Versioned<String> name, Versioned<String> location) {

    public StoreToVisit {
        InvalidValue.requireText(storeId, "storeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /** The entry of a store no event has been seen for yet. */
    public static StoreToVisit unseen(String storeId) {
        return new StoreToVisit(storeId, Versioned.unset(), Versioned.unset());
    }

    /** StoreCreated at {@code version}. */
    public StoreToVisit created(String storeName, String storeLocation, long version) {
        return new StoreToVisit(storeId, name.merge(InvalidValue.requireText(storeName, "name"), version),
                location.merge(InvalidValue.requireText(storeLocation, "location"), version));
    }

    /** StoreRebranded at {@code version}. */
    public StoreToVisit rebranded(String storeName, long version) {
        return new StoreToVisit(storeId, name.merge(InvalidValue.requireText(storeName, "name"), version), location);
    }

    /** Both name and location are known (StoreCreated has been seen). */
    public boolean known() {
        return name.known() && location.known();
    }
}
