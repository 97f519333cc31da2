package mallbots.depot.adapters;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.depot.application.ProductCache;
import mallbots.depot.domain.CachedProduct;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The product cache as state items of the depot table, key {@code "product#<productId>"}. The entry's
 * parts carry their own versions ({@link CachedProduct}), so the item does not use the state
 * store's single {@code aggregateVersion}; the message id, recorded in the same write, makes each
 * event count once.
 */
public final class DynamoProductCache implements ProductCache {

    static final String KEY_PREFIX = "product#";

    private final StateStore<CachedProduct> items;

    public DynamoProductCache(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, CachedProduct.class).publisher(publisher).build();
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
            // a late or repeated event still records its message id, so it is not decided again
            return current.filter(merged::equals).isPresent() ? Change.keep() : Change.to(merged);
        });
        return result.status() != ApplyResult.Status.DUPLICATE;
    }
}
