package mallbots.stores.application;

import java.util.Objects;
import mallbots.stores.domain.MallStore;
import mallbots.stores.domain.Store;

/** PUT /api/stores/{id}/participating: the store joins the robot shopping program (once). */
public final class EnableParticipation {

    private final StoreRepository stores;
    private final MallReadModel mall;

    public EnableParticipation(StoreRepository stores, MallReadModel mall) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.mall = Objects.requireNonNull(mall, "mall");
    }

    public MallStore execute(String storeId) {
        Store store = stores.change(storeId, Store::enableParticipation);
        mall.show(store);
        return MallStore.of(store);
    }
}
