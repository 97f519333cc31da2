package mallbots.platform.eventstore;

import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.DomainEvent;

/** A small aggregate the way a context writes one: rules in command methods, state changed only in when(). */
final class Store extends Aggregate<Store.Event, Store.Snapshot> {

    sealed interface Event extends DomainEvent {
    }

    record StoreCreated(String name, String location) implements Event {
    }

    record StoreRebranded(String name) implements Event {
    }

    record ParticipationEnabled() implements Event {
    }

    record Snapshot(String name, String location, boolean participating) {
    }

    static final EventTypes<Event> EVENT_TYPES = EventTypes.sealed(Event.class);

    private String name;
    private String location;
    private boolean participating;

    Store(String id) {
        super(id);
    }

    static Store create(String id, String name, String location) {
        requireText(name, "name");
        requireText(location, "location");
        Store store = new Store(id);
        store.raise(new StoreCreated(name, location));
        return store;
    }

    void rebrand(String newName) {
        requireText(newName, "name");
        raise(new StoreRebranded(newName));
    }

    void enableParticipation() {
        if (participating) {
            throw new IllegalStateException("store " + id() + " is already participating");
        }
        raise(new ParticipationEnabled());
    }

    String name() {
        return name;
    }

    String location() {
        return location;
    }

    boolean participating() {
        return participating;
    }

    @Override
    protected void when(Event event) {
        switch (event) {
            case StoreCreated created -> {
                name = created.name();
                location = created.location();
            }
            case StoreRebranded rebranded -> name = rebranded.name();
            case ParticipationEnabled enabled -> participating = true;
        }
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(name, location, participating);
    }

    @Override
    protected void restore(Snapshot snapshot) {
        name = snapshot.name();
        location = snapshot.location();
        participating = snapshot.participating();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
