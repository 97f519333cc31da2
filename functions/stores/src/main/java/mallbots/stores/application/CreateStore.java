package mallbots.stores.application;

import java.util.Objects;
import java.util.UUID;
import mallbots.stores.domain.Store;

/** POST /api/stores: a new store, not yet participating. */
public final class CreateStore {

    private final StoreRepository stores;
    private final MallReadModel mall;

    public CreateStore(StoreRepository stores, MallReadModel mall) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.mall = Objects.requireNonNull(mall, "mall");
    }

    /** @return the new store's id */
    public String execute(String name, String location) {
        Store store = stores.add(Store.create(UUID.randomUUID().toString(), name, location));
        mall.show(store);
        return store.id();
    }
}
