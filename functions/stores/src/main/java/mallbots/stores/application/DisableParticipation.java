package mallbots.stores.application;

import java.util.Objects;
import mallbots.stores.domain.MallStore;
import mallbots.stores.domain.Store;

/** DELETE /api/stores/{id}/participating: the store leaves the robot shopping program (once). */
public final class DisableParticipation {

    private final StoreRepository stores;
    private final MallReadModel mall;

    public DisableParticipation(StoreRepository stores, MallReadModel mall) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.mall = Objects.requireNonNull(mall, "mall");
    }

    public MallStore execute(String storeId) {
        Store store = stores.change(storeId, Store::disableParticipation);
        mall.show(store);
        return MallStore.of(store);
    }
}
