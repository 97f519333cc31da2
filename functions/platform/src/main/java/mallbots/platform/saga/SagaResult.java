package mallbots.platform.saga;

import java.util.Objects;

/** What a start or a reply did to a saga, and its state afterwards. */
public record SagaResult(Status status, SagaState state) {

    public enum Status {
        /** A new saga; its first command (if any) is sent. */
        STARTED,
        /** A saga with that id exists: nothing happened. */
        ALREADY_STARTED,
        /** A success reply: the next step's command is sent. */
        ADVANCED,
        /** A success reply to the last command: the saga is done. */
        COMPLETED,
        /** A failure reply: the compensations are sent and the saga is done. */
        COMPENSATED,
        /** A reply for a saga that is done, or to a command it does not await: nothing happened. */
        IGNORED,
        /** This reply (the same message id) was applied before: nothing happened. */
        DUPLICATE
    }

    public SagaResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }
}
