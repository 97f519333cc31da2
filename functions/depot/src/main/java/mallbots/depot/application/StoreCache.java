package mallbots.depot.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.depot.domain.CachedStore;

/** Depot's own copy of the mall's stores (names, locations), fed by the stores context's events. */
public interface StoreCache {

    Optional<CachedStore> find(String storeId);

    /**
     * Applies {@code change} (one of {@link CachedStore}'s merges) to the store's entry, or to
     * {@link CachedStore#unseen} if there is none, once per message.
     *
     * @return false if the message had already been applied
     */
    boolean merge(String storeId, String messageId, UnaryOperator<CachedStore> change);
}
