package mallbots.platform.eventstore;

import java.util.Objects;

/** What running a command did, and the aggregate after it (as stored). */
public record CommandResult<A>(A aggregate, Status status) {

    public enum Status {
        /** The command's events are stored. */
        APPLIED,
        /** The command raised no events: nothing was stored. */
        UNCHANGED,
        /** The causing message had already been applied: the command did not run again. */
        DUPLICATE
    }

    public CommandResult {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(status, "status");
    }

    public boolean duplicate() {
        return status == Status.DUPLICATE;
    }
}
