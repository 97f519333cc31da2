package mallbots.depot.adapters;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.depot.application.StoreCache;
import mallbots.depot.domain.CachedStore;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store cache as state items of the depot table, key {@code "store#<storeId>"}. The entry's
 * parts carry their own versions ({@link CachedStore}), so the item does not use the state
 * store's single {@code aggregateVersion}; the message id, recorded in the same write, makes each
 * event count once.
 */
public final class DynamoStoreCache implements StoreCache {

    static final String KEY_PREFIX = "store#";

    private final StateStore<CachedStore> items;

    public DynamoStoreCache(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, CachedStore.class).publisher(publisher).build();
    }

    public static String keyOf(String storeId) {
        return KEY_PREFIX + storeId;
    }

    @Override
    public Optional<CachedStore> find(String storeId) {
        return items.get(keyOf(storeId)).map(StateItem::state);
    }

    @Override
    public boolean merge(String storeId, String messageId, UnaryOperator<CachedStore> change) {
        ApplyResult<CachedStore> result = items.apply(keyOf(storeId), messageId, current -> {
            CachedStore merged = change.apply(current.orElseGet(() -> CachedStore.unseen(storeId)));
            // a late or repeated event still records its message id, so it is not decided again
            return current.filter(merged::equals).isPresent() ? Change.keep() : Change.to(merged);
        });
        return result.status() != ApplyResult.Status.DUPLICATE;
    }
}
