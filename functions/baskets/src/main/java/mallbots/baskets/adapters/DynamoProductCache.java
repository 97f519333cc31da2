package mallbots.baskets.adapters;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.baskets.application.ProductCache;
import mallbots.baskets.domain.CachedProduct;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The product cache as state items in the baskets table: {@code pk} = "product#" + product id,
 * {@code sk} = 0. The entry's parts carry their own versions ({@link CachedProduct}), so the item
 * deliberately does not use the state store's single {@code aggregateVersion} (which would take a
 * rebrand delivered after a later price change for stale); the message id makes each event count once.
 */
public final class DynamoProductCache implements ProductCache {

    static final String KEY_PREFIX = "product#";

    private final StateStore<CachedProduct> items;

    public DynamoProductCache(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, CachedProduct.class)
                .sortKey(CacheItems.SORT_KEY)
                .publisher(publisher)
                .build();
    }

    public static String keyOf(String productId) {
        return KEY_PREFIX + productId;
    }

    @Override
    public Optional<CachedProduct> find(String productId) {
        return items.get(keyOf(productId)).map(StateItem::state);
    }

    @Override
    public boolean merge(String productId, String messageId, UnaryOperator<CachedProduct> change) {
        ApplyResult<CachedProduct> result = items.apply(keyOf(productId), messageId, current -> {
            CachedProduct merged = change.apply(current.orElseGet(() -> CachedProduct.unseen(productId)));
            return current.filter(merged::equals).isPresent() ? Change.keep() : Change.to(merged);
        });
        return result.status() != ApplyResult.Status.DUPLICATE;
    }
}
