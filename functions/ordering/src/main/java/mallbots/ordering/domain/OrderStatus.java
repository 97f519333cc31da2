package mallbots.ordering.domain;

import java.util.Locale;

/** Where an order is in its life. */
public enum OrderStatus {
    PENDING,
    REJECTED,
    APPROVED,
    READY,
    COMPLETED,
    CANCELED;

    /** The status as the API and the messages spell it: "pending", "approved", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
