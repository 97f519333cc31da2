package mallbots.depot.domain;

/** Where a shopping list is in its life: built, offered to bots, taken by one, delivered, or called off. */
public enum ShoppingListStatus {
    PENDING,
    AVAILABLE,
    ASSIGNED,
    COMPLETED,
    CANCELED;

    /** As the API and the stored item spell it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Not yet completed or canceled: it can still be canceled. */
    public boolean open() {
        return this != COMPLETED && this != CANCELED;
    }
}
