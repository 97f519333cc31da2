package mallbots.platform.saga;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import mallbots.platform.messaging.Nullable;

/**
 * What a start or a reply did to a saga, and its state afterwards.
 *
 * @param answered the action of the running step that a reply answered, when the reply was taken
 *        (RECORDED, ADVANCED, COMPLETED, COMPENSATED) and the saga knew when the step began; else null
 */
public record SagaResult(Status status, SagaState state, @Nullable AnsweredStep answered) {

    /**
     * A reply that arrived for an action of the running step.
     *
     * @param step the step's number
     * @param action the action's name: the detail-type of the command it answers (each action of a
     *        parallel step has its own)
     * @param latency from when the step's commands were first sent to when the reply was taken
     */
    public record AnsweredStep(int step, String action, Duration latency) {

        public AnsweredStep {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(latency, "latency");
        }
    }

    public SagaResult(Status status, SagaState state) {
        this(status, state, null);
    }

    public Optional<AnsweredStep> answeredStep() {
        return Optional.ofNullable(answered);
    }

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
