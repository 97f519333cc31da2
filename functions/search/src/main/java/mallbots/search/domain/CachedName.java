package mallbots.search.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;

/**
 * What search knows of a customer, store or product: its name as of the aggregate version that
 * set it (registered/created and rebranded events all set it, so the newest wins in any order).
 */
public record CachedName(String id, Versioned<String> name) {

    public CachedName {
        InvalidValue.requireText(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static CachedName unseen(String id) {
        return new CachedName(id, Versioned.unset());
    }

    public CachedName named(String newName, long version) {
        return new CachedName(id, name.merge(InvalidValue.requireText(newName, "name"), version));
    }
}
