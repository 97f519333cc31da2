package mallbots.payments.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The payments table (template.yaml's PaymentsTable) as the payments code needs it: state items (payments, invoices), key {@code pk} alone.
 * infra/local's TemplateTablesTest holds the template's table to these keys and indexes.
 */
public final class PaymentsTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION;

    /** The context's own GSIs besides the outbox's. */
    public static final List<ContextTable.Index> INDEXES = List.of();

    private PaymentsTable() {
    }
}
