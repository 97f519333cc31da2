package mallbots.search.application;

/** The three caches of names search keeps, each fed by another context's events. */
public enum NameKind {
    CUSTOMER("customer#"), STORE("store#"), PRODUCT("product#");

    private final String keyPrefix;

    NameKind(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyOf(String id) {
        return keyPrefix + id;
    }
}
