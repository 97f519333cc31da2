package mallbots.cosec.adapters;

import java.util.List;
import mallbots.platform.saga.SagaDeadlines;
import mallbots.platform.table.ContextTable;

/**
 * The cosec table (template.yaml's CosecTable) as the cosec code needs it: one item per saga, key {@code pk} alone, and the running sagas by deadline.
 * infra/local's TemplateTablesTest holds the template's table to these keys and indexes.
 */
public final class CosecTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION;

    /** The context's own GSIs besides the outbox's: the sweeper of saga deadlines queries the overdue ones. */
    public static final List<ContextTable.Index> INDEXES = List.of(
            new ContextTable.Index(SagaDeadlines.INDEX, SagaDeadlines.DUE, SagaDeadlines.AT));

    private CosecTable() {
    }
}
