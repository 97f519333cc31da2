package mallbots.stores.application;

import java.util.List;
import java.util.Objects;
import mallbots.stores.domain.MallStore;

/** GET /api/stores/participating: the stores robots can shop at, by name. */
public final class GetParticipatingStores {

    private final MallReadModel mall;

    public GetParticipatingStores(MallReadModel mall) {
        this.mall = Objects.requireNonNull(mall, "mall");
    }

    public List<MallStore> execute() {
        return mall.participatingStores();
    }
}
