package mallbots.platform.domain;

import java.util.Objects;

/** A domain event with the aggregate version it brings the aggregate to (the first event is version 1). */
public record VersionedEvent<E extends DomainEvent>(long version, E event) {

    public VersionedEvent {
        if (version < 1) {
            throw new IllegalArgumentException("an event's version is at least 1: " + version);
        }
        Objects.requireNonNull(event, "event");
    }
}
