package mallbots.notifications.adapters;

import java.util.List;
import mallbots.platform.table.ContextTable;

/**
 * The notifications table (template.yaml's NotificationsTable): state items only, so key
 * {@code pk} alone. Items: {@code "customer#<id>"} (the cache) and {@code "notification#<id>"}
 * (one per notification, id = the id of the order event that caused it, with {@code customerId}
 * and {@code sentAt} as top-level attributes for the {@value #BY_CUSTOMER_INDEX} GSI).
 */
public final class NotificationsTable {

    public static final ContextTable.Keys KEYS = ContextTable.Keys.PARTITION;

    /** A customer's notifications by time; sparse: only notifications carry customerId. */
    public static final String BY_CUSTOMER_INDEX = "byCustomer";
    public static final String CUSTOMER_ID = "customerId";
    public static final String SENT_AT = "sentAt";

    /** The context's own GSIs, as the template declares them. */
    public static final List<ContextTable.Index> INDEXES = List.of(
            new ContextTable.Index(BY_CUSTOMER_INDEX, CUSTOMER_ID, SENT_AT));

    private NotificationsTable() {
    }
}
