package mallbots.baskets.adapters;

import java.util.Optional;
import mallbots.baskets.application.StoreCache;
import mallbots.baskets.domain.CachedStore;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store cache as state items in the baskets table: {@code pk} = "store#" + store id,
 * {@code sk} = 0 (basket histories start at 1, and basket ids are UUIDs, so the keys never meet).
 * Each item remembers the ids of the messages it applied, in the same write as the change.
 */
public final class DynamoStoreCache implements StoreCache {

    static final String KEY_PREFIX = "store#";

    private final StateStore<CachedStore> items;

    public DynamoStoreCache(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, CachedStore.class)
                .sortKey(CacheItems.SORT_KEY)
                .publisher(publisher)
                .build();
    }

    public static String keyOf(String storeId) {
        return KEY_PREFIX + storeId;
    }

    @Override
    public Optional<CachedStore> find(String storeId) {
        return items.get(keyOf(storeId)).map(StateItem::state);
    }

    @Override
    public boolean merge(String messageId, CachedStore update) {
        ApplyResult<CachedStore> result = items.apply(keyOf(update.storeId()), messageId, current -> {
            CachedStore merged = CachedStore.apply(current, update);
            // a late or repeated name still records the message, so that it is not decided again
            return current.filter(merged::equals).isPresent() ? Change.keep() : Change.to(merged);
        });
        return result.status() != ApplyResult.Status.DUPLICATE;
    }
}
