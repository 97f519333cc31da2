package mallbots.customers.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The customers table (template.yaml's CustomersTable) as the customers code needs it: state items, key {@code pk} alone.
 * infra/local's TemplateTablesTest holds the template's table to these keys and indexes.
 */
public final class CustomersTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION;

    /** The context's own GSIs besides the outbox's. */
    public static final List<ContextTable.Index> INDEXES = List.of();

    private CustomersTable() {
    }
}
