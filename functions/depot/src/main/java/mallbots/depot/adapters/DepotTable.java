package mallbots.depot.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The depot table (template.yaml's DepotTable): state items only, so key {@code pk} alone.
 * Items: {@code "shopping#<id>"} (a shopping list, with its {@code orderId} as a top-level
 * attribute for the {@value #BY_ORDER_INDEX} GSI), {@code "store#<id>"} and
 * {@code "product#<id>"} (the caches), {@code "command#<messageId>"} (answered saga commands).
 */
public final class DepotTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION;

    /** Finds an order's shopping lists (OrderCanceled without a shoppingId); sparse: only lists carry orderId. */
    public static final String BY_ORDER_INDEX = "byOrder";
    public static final String ORDER_ID = "orderId";

    /** The context's own GSIs, as the template declares them. */
    public static final List<ContextTable.Index> INDEXES = List.of(
            new ContextTable.Index(BY_ORDER_INDEX, ORDER_ID, null));

    private DepotTable() {
    }
}
