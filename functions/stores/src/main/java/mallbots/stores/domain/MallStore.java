package mallbots.stores.domain;

/**
 * A store as the mall read model shows it ({@code GET /api/stores}, {@code /api/stores/{id}}).
 * It is written from the store's whole state after each command, so a write that arrives late
 * can be recognised by the store's version and never undoes a newer one.
 */
public record MallStore(String id, String name, String location, boolean participating) {

    public static MallStore of(Store store) {
        if (store.name() == null) {
            throw new IllegalArgumentException("store " + store.id() + " has no history to show");
        }
        return new MallStore(store.id(), store.name(), store.location(), store.participating());
    }
}
