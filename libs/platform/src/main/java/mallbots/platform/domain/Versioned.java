package mallbots.platform.domain;

/**
 * One part of a cache entry fed by another context's aggregate events: its value as of the
 * aggregate version that set it (0 and null: not seen yet). Events arrive at least once and in
 * any order, and each sets only some parts of an entry, so each part keeps its own version:
 * {@link #merge} takes a value only from an event newer than the one that set the part. Merging
 * the same events in any order, any number of times, ends in the same part.
 *
 * @param value   null until an event carrying it is seen
 * @param version the aggregate version of that event; 0 for none
 */
public record Versioned<T>(T value, long version) {

    public Versioned {
        if (version < 0 || (version == 0) != (value == null)) {
            throw new IllegalArgumentException("a value comes with the version (at least 1) that set it");
        }
    }

    /** A part no event has set yet. */
    public static <T> Versioned<T> unset() {
        return new Versioned<>(null, 0);
    }

    /** This part after an event at {@code eventVersion} carrying {@code newValue}: the newer of the two. */
    public Versioned<T> merge(T newValue, long eventVersion) {
        if (eventVersion < 1) {
            throw new IllegalArgumentException("an aggregate version is at least 1: " + eventVersion);
        }
        return eventVersion > version ? new Versioned<>(newValue, eventVersion) : this;
    }

    public boolean known() {
        return value != null;
    }
}
