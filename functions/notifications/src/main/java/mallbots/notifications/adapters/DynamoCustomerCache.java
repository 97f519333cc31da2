package mallbots.notifications.adapters;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.notifications.application.CustomerCache;
import mallbots.notifications.domain.CachedCustomer;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The customer cache as state items of the notifications table, key {@code "customer#<id>"}.
 * The entry's parts carry their own versions ({@link CachedCustomer}); the message id, recorded
 * in the same write, makes each event count once.
 */
public final class DynamoCustomerCache implements CustomerCache {

    static final String KEY_PREFIX = "customer#";

    private final StateStore<CachedCustomer> items;

    public DynamoCustomerCache(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, CachedCustomer.class).publisher(publisher).build();
    }

    public static String keyOf(String customerId) {
        return KEY_PREFIX + customerId;
    }

    @Override
    public Optional<CachedCustomer> find(String customerId) {
        return items.get(keyOf(customerId)).map(StateItem::state);
    }

    @Override
    public boolean merge(String customerId, String messageId, UnaryOperator<CachedCustomer> change) {
        ApplyResult<CachedCustomer> result = items.apply(keyOf(customerId), messageId, current -> {
            CachedCustomer merged = change.apply(current.orElseGet(() -> CachedCustomer.unseen(customerId)));
            // a late or repeated event still records its message id, so it is not decided again
            return current.filter(merged::equals).isPresent() ? Change.keep() : Change.to(merged);
        });
        return result.status() != ApplyResult.Status.DUPLICATE;
    }
}
