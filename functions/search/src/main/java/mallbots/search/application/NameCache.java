package mallbots.search.application;

import java.util.Collection;
import java.util.Map;

/** The caches of names: written by events, read when an order view is made. */
public interface NameCache {

    /** Merges a name at an aggregate version, once per message; false for a message already applied. */
    boolean name(NameKind kind, String id, String messageId, String name, long version);

    /** The known names of these ids (an id with no known name is absent). */
    Map<String, String> names(NameKind kind, Collection<String> ids);
}
