package mallbots.platform.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The base of an event-sourced aggregate. A command method checks the rules and calls
 * {@link #raise}; {@link #when} changes the state for one event and is also what replay uses, so
 * the state is only ever changed by events. The store rebuilds an aggregate from the newest
 * snapshot ({@link #snapshot}/{@link #restore}) and the events after it.
 *
 * <p>A subclass has a constructor taking only the id (the blank aggregate the store replays
 * into) and static factory methods for creation, e.g. {@code Store.create(id, name, location)}
 * that raises {@code StoreCreated}.
 *
 * @param <E> the aggregate's events (usually a sealed interface of records)
 * @param <S> the snapshot: a record of the whole state
 */
public abstract class Aggregate<E extends DomainEvent, S> {

    private final String id;
    private long version;
    private final List<E> uncommitted = new ArrayList<>();

    protected Aggregate(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an aggregate needs an id");
        }
        this.id = id;
    }

    public final String id() {
        return id;
    }

    /** The version stored: the number of committed events; 0 for a new aggregate. */
    public final long version() {
        return version;
    }

    /** The version once the uncommitted events are stored. */
    public final long currentVersion() {
        return version + uncommitted.size();
    }

    /** The events raised since the aggregate was loaded, each with the version it makes. */
    public final List<VersionedEvent<E>> uncommittedEvents() {
        List<VersionedEvent<E>> events = new ArrayList<>(uncommitted.size());
        for (int i = 0; i < uncommitted.size(); i++) {
            events.add(new VersionedEvent<>(version + i + 1, uncommitted.get(i)));
        }
        return List.copyOf(events);
    }

    /** For command methods: records the event and applies it to the state. */
    protected final void raise(E event) {
        Objects.requireNonNull(event, "event");
        when(event);
        uncommitted.add(event);
    }

    /** Changes the state for one event. No rules, no side effects: the event already happened. */
    protected abstract void when(E event);

    /** The whole state as a record, stored every N versions so loading need not replay everything. */
    public abstract S snapshot();

    /** Sets the whole state from a snapshot. */
    protected abstract void restore(S snapshot);

    // The store's side: rebuilding from history and acknowledging a save.

    /** Sets the state from a snapshot taken at {@code atVersion}. Only on a blank aggregate. */
    public final void restoreSnapshot(long atVersion, S snapshot) {
        if (version != 0 || !uncommitted.isEmpty()) {
            throw new IllegalStateException("a snapshot restores a blank aggregate, not " + id + " at " + version);
        }
        restore(Objects.requireNonNull(snapshot, "snapshot"));
        version = atVersion;
    }

    /** Applies a stored event; versions must follow each other. */
    public final void replay(VersionedEvent<E> event) {
        if (!uncommitted.isEmpty()) {
            throw new IllegalStateException("cannot replay into " + id + " with uncommitted events");
        }
        if (event.version() != version + 1) {
            throw new IllegalStateException("aggregate " + id + " at version " + version
                    + " cannot replay event version " + event.version());
        }
        when(event.event());
        version = event.version();
    }

    /** The uncommitted events are stored: they become the aggregate's history. */
    public final void markCommitted() {
        version += uncommitted.size();
        uncommitted.clear();
    }
}
