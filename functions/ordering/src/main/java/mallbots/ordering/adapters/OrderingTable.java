package mallbots.ordering.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The ordering table (template.yaml's OrderingTable) as the ordering code needs it: order histories, {@code pk} the order, {@code sk} the version.
 * infra/local's TemplateTablesTest holds the template's table to these keys and indexes.
 */
public final class OrderingTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION_AND_SORT;

    /** The context's own GSIs besides the outbox's. */
    public static final List<ContextTable.Index> INDEXES = List.of();

    private OrderingTable() {
    }
}
