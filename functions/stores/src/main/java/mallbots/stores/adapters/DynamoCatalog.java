package mallbots.stores.adapters;

import static mallbots.stores.adapters.StoresTable.CATALOG_INDEX;
import static mallbots.stores.adapters.StoresTable.CATALOG_STORE;
import static mallbots.stores.adapters.StoresTable.LISTED_NAME;
import static mallbots.stores.adapters.StoresTable.PRODUCT_KEY_PREFIX;
import static mallbots.stores.adapters.StoresTable.REMOVED;

import java.util.List;
import java.util.Objects;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import mallbots.stores.application.CatalogReadModel;
import mallbots.stores.domain.CatalogProduct;
import mallbots.stores.domain.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalog read model: one state item per product at {@code sk} 0 of the product's partition,
 * holding the whole {@link CatalogProduct} at the product's version. A removed product keeps its
 * item (with {@value StoresTable#REMOVED}) as a tombstone, so that a late write of an older view
 * cannot bring it back, but loses the catalog index key and so leaves its store's listing.
 *
 * <p>Written after the product's events, not atomically with them, exactly as {@link DynamoMall}
 * and with the same limitation: a crash in between leaves the item stale until the product's
 * next command writes the whole view again.
 */
public final class DynamoCatalog implements CatalogReadModel {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoCatalog.class);

    private final StateStore<CatalogProduct> items;
    private final IndexListing<CatalogProduct> listing;

    public DynamoCatalog(DynamoDbClient dynamo, String tableName, StateStore<CatalogProduct> items) {
        this.items = Objects.requireNonNull(items, "items");
        this.listing = new IndexListing<>(dynamo, tableName, items);
    }

    /** The state store of the catalog's items, as this read model expects it. */
    public static StateStore.Builder<CatalogProduct> items(DynamoDbClient dynamo, String tableName) {
        return StateStore.builder(dynamo, tableName, CatalogProduct.class).sortKey(StoresTable.READ_MODEL_SORT_KEY);
    }

    @Override
    public void show(Product product) {
        // built directly, not with CatalogProduct.of: a removed product's last view is the tombstone's state
        CatalogProduct view = new CatalogProduct(product.id(), product.storeId(), product.name(),
                product.description(), product.sku(), product.price());
        try {
            items.applyIfNewer(PRODUCT_KEY_PREFIX + product.id(), product.version(), current -> {
                Change<CatalogProduct> change = Change.to(view).set(LISTED_NAME, AttributeValue.fromS(view.name()));
                return product.removed()
                        ? change.remove(CATALOG_STORE).set(REMOVED, AttributeValue.fromBool(true))
                        : change.set(CATALOG_STORE, AttributeValue.fromS(view.storeId())).remove(REMOVED);
            });
        } catch (RuntimeException e) {
            LOG.warn("catalog item of product {} not written at version {}; the product's next command repairs it",
                    product.id(), product.version(), e);
        }
    }

    @Override
    public List<CatalogProduct> productsOf(String storeId) {
        return listing.list(CATALOG_INDEX, CATALOG_STORE, storeId);
    }
}
