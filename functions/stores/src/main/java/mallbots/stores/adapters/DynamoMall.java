package mallbots.stores.adapters;

import static mallbots.stores.adapters.StoresTable.ALL_STORES_INDEX;
import static mallbots.stores.adapters.StoresTable.LISTED_NAME;
import static mallbots.stores.adapters.StoresTable.MALL;
import static mallbots.stores.adapters.StoresTable.PARTICIPATING;
import static mallbots.stores.adapters.StoresTable.PARTICIPATING_INDEX;
import static mallbots.stores.adapters.StoresTable.STORE;
import static mallbots.stores.adapters.StoresTable.STORE_KEY_PREFIX;

import java.util.List;
import java.util.Objects;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import mallbots.stores.application.MallReadModel;
import mallbots.stores.domain.MallStore;
import mallbots.stores.domain.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mall read model: one state item per store at {@code sk} 0 of the store's partition, holding
 * the whole {@link MallStore} at the store's version, and the keys of the listing GSIs.
 *
 * <p>It is written right after the store's events, not atomically with them (dynalite has no
 * transactions): a crash in between leaves the item one change behind until the store's next
 * command, which writes the whole view again and so repairs it. "Only if newer" (by the store's
 * version) keeps two racing commands from putting an older view over a newer one. A failed write
 * is logged and does not fail the command, whose change and events are already stored.
 */
public final class DynamoMall implements MallReadModel {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoMall.class);
    private static final AttributeValue LISTED = AttributeValue.fromS(STORE);

    private final StateStore<MallStore> items;
    private final IndexListing<MallStore> listing;

    public DynamoMall(DynamoDbClient dynamo, String tableName, StateStore<MallStore> items) {
        this.items = Objects.requireNonNull(items, "items");
        this.listing = new IndexListing<>(dynamo, tableName, items);
    }

    /** The state store of the mall's items, as this read model expects it. */
    public static StateStore.Builder<MallStore> items(DynamoDbClient dynamo, String tableName) {
        return StateStore.builder(dynamo, tableName, MallStore.class).sortKey(StoresTable.READ_MODEL_SORT_KEY);
    }

    @Override
    public void show(Store store) {
        MallStore view = MallStore.of(store);
        try {
            items.applyIfNewer(STORE_KEY_PREFIX + store.id(), store.version(), current -> {
                Change<MallStore> change = Change.to(view)
                        .set(MALL, LISTED)
                        .set(LISTED_NAME, AttributeValue.fromS(view.name()));
                return view.participating() ? change.set(PARTICIPATING, LISTED) : change.remove(PARTICIPATING);
            });
        } catch (RuntimeException e) {
            LOG.warn("mall item of store {} not written at version {}; the store's next command repairs it",
                    store.id(), store.version(), e);
        }
    }

    @Override
    public List<MallStore> allStores() {
        return listing.list(ALL_STORES_INDEX, MALL, STORE);
    }

    @Override
    public List<MallStore> participatingStores() {
        return listing.list(PARTICIPATING_INDEX, PARTICIPATING, STORE);
    }
}
