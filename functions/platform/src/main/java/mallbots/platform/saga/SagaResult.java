package mallbots.platform.saga;

import java.util.Objects;

/** What a start or a reply did to a saga, and its state afterwards. */
public record SagaResult(Status status, SagaState state) {

    public enum Status {
        /** A new saga; its first command (if any) is sent. */
        STARTED,
        /** A saga with that id exists: nothing happened. */
        ALREADY_STARTED,
        /** The last success reply a step awaited: the next step's commands are sent. */
        ADVANCED,
        /** A reply to one action of a parallel step whose other actions have not all answered: it is recorded. */
        RECORDED,
        /** A success reply to the last command: the saga is done. */
        COMPLETED,
        /** The last reply a step awaited, one of the step's replies a failure: the compensations are sent and the saga is done. */
        COMPENSATED,
        /** A reply for a saga that is done, or to a command it does not await: nothing happened. */
        IGNORED,
        /** This reply (the same message id) was applied before: nothing happened. */
        DUPLICATE,
        /** The step's deadline passed: its unanswered commands were sent again, with a new deadline. */
        RESENT,
        /** The step's deadline passed with no resend left: the compensations are sent and the saga is done ("timed out"). */
        TIMED_OUT,
        /** The saga was stopped from outside (e.g. its order was canceled): the compensations are sent and it is done. */
        STOPPED
    }

    public SagaResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }
}
