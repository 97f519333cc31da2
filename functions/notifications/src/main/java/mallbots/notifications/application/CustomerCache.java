package mallbots.notifications.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.notifications.domain.CachedCustomer;

/** The cache of customers, fed by the customers context's events. */
public interface CustomerCache {

    Optional<CachedCustomer> find(String customerId);

    /**
     * Applies message {@code messageId} to the customer's entry (an unseen one if there is none)
     * exactly once; false if the message had been applied before.
     */
    boolean merge(String customerId, String messageId, UnaryOperator<CachedCustomer> change);
}
