package mallbots.stores.application;

import java.util.Objects;
import mallbots.stores.domain.MallStore;
import mallbots.stores.domain.Store;

/** PUT /api/stores/{id}/rebrand: a new name for the store. */
public final class RebrandStore {

    private final StoreRepository stores;
    private final MallReadModel mall;

    public RebrandStore(StoreRepository stores, MallReadModel mall) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.mall = Objects.requireNonNull(mall, "mall");
    }

    public MallStore execute(String storeId, String name) {
        Store store = stores.change(storeId, found -> found.rebrand(name));
        mall.show(store);
        return MallStore.of(store);
    }
}
