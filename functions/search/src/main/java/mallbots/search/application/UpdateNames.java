package mallbots.search.application;

import java.util.Objects;

/** Keeps the name caches from CustomerRegistered, StoreCreated/Rebranded, ProductAdded/Rebranded. */
public final class UpdateNames {

    private final NameCache names;

    public UpdateNames(NameCache names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    public boolean named(NameKind kind, String id, String messageId, String name, long version) {
        return names.name(kind, id, messageId, name, version);
    }
}
