package mallbots.baskets.domain;

/** Where a basket is in its life: only an open basket takes commands. */
public enum BasketStatus {
    OPEN("open"),
    CANCELED("canceled"),
    CHECKED_OUT("checked_out");

    private final String label;

    BasketStatus(String label) {
        this.label = label;
    }

    /** The name the API shows: open, canceled, checked_out. */
    public String label() {
        return label;
    }
}
