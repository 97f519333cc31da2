package mallbots.stores.application;

import java.util.List;
import mallbots.stores.domain.MallStore;
import mallbots.stores.domain.Store;

/**
 * The mall: every store and the participating ones, for the listings. It is updated right after
 * each stored change with the store's whole view at that version, and only if that version is
 * newer than the one it shows.
 */
public interface MallReadModel {

    /** Shows the store as it is now (at {@code store.version()}); an older version than shown changes nothing. */
    void show(Store store);

    /** Every store, by name. */
    List<MallStore> allStores();

    /** The stores taking part in the robot shopping program, by name. */
    List<MallStore> participatingStores();
}
