package mallbots.depot.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.depot.domain.CachedProduct;

/** Depot's own copy of the stores' products (store, name, removal), fed by the stores context's events. */
public interface ProductCache {

    Optional<CachedProduct> find(String productId);

    /**
     * Applies {@code change} (one of {@link CachedProduct}'s merges) to the product's entry, or to
     * {@link CachedProduct#unseen} if there is none, once per message.
     *
     * @return false if the message had already been applied
     */
    boolean merge(String productId, String messageId, UnaryOperator<CachedProduct> change);
}
