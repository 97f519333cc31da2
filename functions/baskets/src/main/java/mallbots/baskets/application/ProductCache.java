package mallbots.baskets.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.baskets.domain.CachedProduct;

/** Baskets' own copy of what it needs to know about the stores' products, fed by the stores context's events. */
public interface ProductCache {

    Optional<CachedProduct> find(String productId);

    /**
     * Applies {@code change} (one of {@link CachedProduct}'s merge functions) to the product's
     * entry, or to {@link CachedProduct#unseen} if there is none, once per message.
     *
     * @return false if the message had already been applied
     */
    boolean merge(String productId, String messageId, UnaryOperator<CachedProduct> change);
}
