package mallbots.stores.domain;

import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;
import mallbots.stores.domain.StoreEvent.StoreCreated;
import mallbots.stores.domain.StoreEvent.StoreParticipationToggled;
import mallbots.stores.domain.StoreEvent.StoreRebranded;

/**
 * A store of the mall. It is created outside the robot shopping program and joins it by enabling
 * participation. Every command that would change nothing is refused (a second enable, a rebrand
 * to the name it already has), so that each event announces a real change and a client learns
 * that its command was redundant.
 */
public final class Store extends Aggregate<StoreEvent, StoreSnapshot> {

    private String name;
    private String location;
    private boolean participating;

    /** The blank store that the event store restores and replays into; commands start at {@link #create}. */
    public Store(String id) {
        super(id);
    }

    public static Store create(String id, String name, String location) {
        InvalidValue.requireText(id, "id");
        String storeName = InvalidValue.requireText(name, "name");
        String storeLocation = InvalidValue.requireText(location, "location");
        Store store = new Store(id);
        store.raise(new StoreCreated(storeName, storeLocation));
        return store;
    }

    public void enableParticipation() {
        if (participating) {
            throw new RuleViolation("store " + id() + " is already participating");
        }
        raise(new StoreParticipationToggled(true));
    }

    public void disableParticipation() {
        if (!participating) {
            throw new RuleViolation("store " + id() + " is already not participating");
        }
        raise(new StoreParticipationToggled(false));
    }

    public void rebrand(String newName) {
        String storeName = InvalidValue.requireText(newName, "name");
        if (storeName.equals(name)) {
            throw new RuleViolation("store " + id() + " is already named " + storeName);
        }
        raise(new StoreRebranded(storeName));
    }

    public String name() {
        return name;
    }

    public String location() {
        return location;
    }

    public boolean participating() {
        return participating;
    }

    @Override
    protected void when(StoreEvent event) {
        switch (event) {
            case StoreCreated created -> {
                name = created.name();
                location = created.location();
                participating = false;
            }
            case StoreParticipationToggled toggled -> participating = toggled.participating();
            case StoreRebranded rebranded -> name = rebranded.name();
        }
    }

    @Override
    public StoreSnapshot snapshot() {
        return new StoreSnapshot(name, location, participating);
    }

    @Override
    protected void restore(StoreSnapshot snapshot) {
        name = snapshot.name();
        location = snapshot.location();
        participating = snapshot.participating();
    }
}
