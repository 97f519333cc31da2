package mallbots.search.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The search table (SearchTable in template.yaml): key {@code pk} only. Items: orders
 * ({@code "order#<id>"}), name caches ({@code "customer#"/"store#"/"product#<id>"}) and index
 * items ({@code "ref#store#<storeId>#<orderId>"}, {@code "ref#product#<productId>#<orderId>"}),
 * one per store and product of an order, since a GSI key holds one value per item. Every GSI's
 * range key is {@code createdKey} = the fixed-width creation instant + "#" + order id, so that
 * every listing is newest first by a descending Query, and ties stay ordered.
 */
public final class SearchTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION;

    public static final String CREATED_KEY = "createdKey";
    public static final String CUSTOMER_ID = "customerId";
    public static final String ORDER_STATUS = "orderStatus";
    public static final String LISTING = "listing";
    public static final String REF = "ref";
    public static final String ORDER_ID = "orderId";

    public static final String BY_CUSTOMER = "byCustomer";
    public static final String BY_STATUS = "byStatus";
    /** Every order in one partition: the unfiltered listing, newest first (no scan needed). */
    public static final String BY_CREATED = "byCreated";
    public static final String BY_REF = "byRef";

    public static final List<ContextTable.Index> INDEXES = List.of(
            new ContextTable.Index(BY_CUSTOMER, CUSTOMER_ID, CREATED_KEY),
            new ContextTable.Index(BY_STATUS, ORDER_STATUS, CREATED_KEY),
            new ContextTable.Index(BY_CREATED, LISTING, CREATED_KEY),
            new ContextTable.Index(BY_REF, REF, CREATED_KEY));

    private SearchTable() {
    }
}
