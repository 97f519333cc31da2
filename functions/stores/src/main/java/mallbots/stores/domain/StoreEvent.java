package mallbots.stores.domain;

import mallbots.platform.domain.DomainEvent;

/**
 * What happened to a store. The store's id is the aggregate id (stored with every event), so the
 * events carry only what changed; each is announced as the integration event of the same name.
 */
public sealed interface StoreEvent extends DomainEvent {

    record StoreCreated(String name, String location) implements StoreEvent {
    }

    /** The store joined (true) or left (false) the robot shopping program. */
    record StoreParticipationToggled(boolean participating) implements StoreEvent {
    }

    record StoreRebranded(String name) implements StoreEvent {
    }
}
