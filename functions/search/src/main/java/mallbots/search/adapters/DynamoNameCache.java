package mallbots.search.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import mallbots.search.application.NameCache;
import mallbots.search.application.NameKind;
import mallbots.search.domain.CachedName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The name caches as state items (key {@code "<kind>#<id>"}): the message id recorded in the same
 * write makes each event count once, the name's own version makes late events harmless.
 */
public final class DynamoNameCache implements NameCache {

    private static final int BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final StateStore<CachedName> items;

    public DynamoNameCache(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.items = StateStore.builder(dynamo, tableName, CachedName.class).publisher(publisher).build();
    }

    @Override
    public boolean name(NameKind kind, String id, String messageId, String name, long version) {
        ApplyResult<CachedName> result = items.apply(kind.keyOf(id), messageId, current -> {
            CachedName merged = current.orElseGet(() -> CachedName.unseen(id)).named(name, version);
            // a late or repeated event still records its message id
            return current.filter(merged::equals).isPresent() ? Change.keep() : Change.to(merged);
        });
        return result.status() != ApplyResult.Status.DUPLICATE;
    }

    @Override
    public Map<String, String> names(NameKind kind, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + BATCH)).stream()
                    .map(id -> items.keyOf(kind.keyOf(id))).toList();
            for (Map<String, AttributeValue> item : BatchGet.all(dynamo, tableName, keys)) {
                CachedName cached = items.decode(item).state();
                if (cached.name().known()) {
                    names.put(cached.id(), cached.name().value());
                }
            }
        }
        return names;
    }
}
