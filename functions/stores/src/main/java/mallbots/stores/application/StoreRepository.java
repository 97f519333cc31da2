package mallbots.stores.application;

import java.util.Optional;
import java.util.function.Consumer;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.Store;

/** The stores as their history keeps them; saving a change also announces its events. */
public interface StoreRepository {

    /** Stores a new store and announces its creation; returns it as stored. */
    Store add(Store store);

    /**
     * Loads the store, runs {@code command} on it (which may run again after losing a race to
     * another writer, so it does nothing but call the store), saves and announces its events.
     *
     * @return the store as stored after the command
     * @throws NotFound if there is no such store
     */
    Store change(String storeId, Consumer<Store> command);

    Optional<Store> find(String storeId);
}
