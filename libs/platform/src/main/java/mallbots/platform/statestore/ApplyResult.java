package mallbots.platform.statestore;

import java.util.Objects;
import java.util.Optional;

/** What applying a change to a state item did, and the item's state after it (empty if there is none). */
public record ApplyResult<T>(Status status, Optional<T> state) {

    public enum Status {
        /** Written. */
        APPLIED,
        /** The decision was {@link Change#none()}: nothing written. */
        UNCHANGED,
        /** The message had already been applied to the item: nothing written. */
        DUPLICATE,
        /** The item already reflects this aggregate version or a newer one: nothing written. */
        STALE
    }

    public ApplyResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }

    public boolean applied() {
        return status == Status.APPLIED;
    }
}
