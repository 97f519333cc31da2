package mallbots.stores.application;

import java.util.List;
import java.util.Objects;
import mallbots.stores.domain.MallStore;

/** GET /api/stores: every store of the mall, by name. */
public final class GetStores {

    private final MallReadModel mall;

    public GetStores(MallReadModel mall) {
        this.mall = Objects.requireNonNull(mall, "mall");
    }

    public List<MallStore> execute() {
        return mall.allStores();
    }
}
