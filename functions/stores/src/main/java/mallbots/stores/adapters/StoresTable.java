package mallbots.stores.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores table: the Store and Product histories ({@code pk} = {@value #STORE_KEY_PREFIX} or
 * {@value #PRODUCT_KEY_PREFIX} + aggregate id, {@code sk} = version from 1) and, at {@code sk} 0 of the same partition, the aggregate's read-model item
 * (a {@code MallStore} or a {@code CatalogProduct}). The listings query GSIs, never a scan; each
 * is sparse, holding only the items that carry its hash key:
 *
 * <ul>
 *   <li>{@value #ALL_STORES_INDEX}: every store ({@value #MALL} = {@value #STORE}), by name;
 *   <li>{@value #PARTICIPATING_INDEX}: the participating stores only ({@value #PARTICIPATING} =
 *       {@value #STORE}, removed when a store leaves), by name;
 *   <li>{@value #CATALOG_INDEX}: the products of a store ({@value #CATALOG_STORE} = the store id,
 *       removed with the product), by name.
 * </ul>
 *
 * The two store listings share one GSI partition each: a mall has tens or hundreds of stores,
 * far below a partition's limits. template.yaml declares the same table.
 */
public final class StoresTable {

    public static final String ALL_STORES_INDEX = "mall";
    public static final String PARTICIPATING_INDEX = "participating";
    public static final String CATALOG_INDEX = "catalog";

    /** Hash key of {@value #ALL_STORES_INDEX}. */
    public static final String MALL = "mall";
    /** Hash key of {@value #PARTICIPATING_INDEX}, only on participating stores. */
    public static final String PARTICIPATING = "participatingMall";
    /** Hash key of {@value #CATALOG_INDEX}: the product's store, only on products not removed. */
    public static final String CATALOG_STORE = "catalogStoreId";
    /** Range key of every listing: the store's or product's name. */
    public static final String LISTED_NAME = "listedName";

    /** The value of the store listings' hash keys. */
    public static final String STORE = "store";

    /** {@code pk} prefix of a store's history and its mall item: store and product ids never meet. */
    public static final String STORE_KEY_PREFIX = "store#";
    /** {@code pk} prefix of a product's history and its catalog item. */
    public static final String PRODUCT_KEY_PREFIX = "product#";
    /** Set (true) on the catalog item of a removed product, which has left the catalog index. */
    public static final String REMOVED = "removed";

    /** The read-model item of an aggregate shares its partition, below its history (which starts at 1). */
    public static final long READ_MODEL_SORT_KEY = 0;

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION_AND_SORT;

    public static final List<ContextTable.Index> INDEXES = List.of(
            new ContextTable.Index(ALL_STORES_INDEX, MALL, LISTED_NAME),
            new ContextTable.Index(PARTICIPATING_INDEX, PARTICIPATING, LISTED_NAME),
            new ContextTable.Index(CATALOG_INDEX, CATALOG_STORE, LISTED_NAME));

    private StoresTable() {
    }

    /** Creates the table as the template declares it: for tests and the local cloud. */
    public static void create(DynamoDbClient dynamo, String tableName) {
        ContextTable.create(dynamo, tableName, KEYS, INDEXES);
    }
}
