package mallbots.stores.application;

import java.util.Objects;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.MallStore;

/** GET /api/stores/{id}: read from the store's own history, so always current. */
public final class GetStore {

    private final StoreRepository stores;

    public GetStore(StoreRepository stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    public MallStore execute(String storeId) {
        return stores.find(storeId).map(MallStore::of).orElseThrow(() -> NotFound.of("store", storeId));
    }
}
