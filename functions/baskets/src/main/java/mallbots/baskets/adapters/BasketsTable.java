package mallbots.baskets.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The baskets table (template.yaml's BasketsTable) as the baskets code needs it: basket histories, {@code pk} the basket, {@code sk} the version.
 * infra/local's TemplateTablesTest holds the template's table to these keys and indexes.
 */
public final class BasketsTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION_AND_SORT;

    /** The context's own GSIs besides the outbox's. */
    public static final List<ContextTable.Index> INDEXES = List.of();

    private BasketsTable() {
    }
}
