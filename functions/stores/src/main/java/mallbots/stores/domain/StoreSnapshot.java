package mallbots.stores.domain;

/** The whole state of a store at one version. */
public record StoreSnapshot(String name, String location, boolean participating) {
}
