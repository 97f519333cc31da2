package mallbots.platform.saga;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;

/**
 * One step of a saga: an optional action (the command it sends, made from the saga's data), an
 * optional compensation (the command that undoes the action), and how a success reply to the
 * action changes the data (e.g. remembers the id the participant made). Immutable; the
 * methods return a changed copy.
 *
 * @param <D> the saga's data
 */
public final class SagaStep<D> {

    private final Function<D, SagaCommand<?>> action;
    private final Function<D, SagaCommand<?>> compensation;
    private final MessageType<?> replyType;
    private final BiFunction<D, Object, D> fold;

    private SagaStep(Function<D, SagaCommand<?>> action, Function<D, SagaCommand<?>> compensation,
            MessageType<?> replyType, BiFunction<D, Object, D> fold) {
        this.action = action;
        this.compensation = compensation;
        this.replyType = replyType;
        this.fold = fold;
    }

    /** A step that sends a command and waits for its reply. */
    public static <D> SagaStep<D> action(Function<D, SagaCommand<?>> command) {
        return new SagaStep<>(Objects.requireNonNull(command, "command"), null, null, null);
    }

    /** A step that sends nothing going forward (it may still have a compensation). */
    public static <D> SagaStep<D> withoutAction() {
        return new SagaStep<>(null, null, null, null);
    }

    /** The command that undoes this step, run when a later step fails. */
    public SagaStep<D> compensatedBy(Function<D, SagaCommand<?>> command) {
        return new SagaStep<>(action, Objects.requireNonNull(command, "command"), replyType, fold);
    }

    /** How the data of a success reply (of {@code type}) changes the saga's data. */
    public <R> SagaStep<D> onSuccess(MessageType<R> type, BiFunction<D, R, D> change) {
        if (action == null) {
            throw new IllegalStateException("a step without action gets no reply");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(change, "change");
        return new SagaStep<>(action, compensation, type,
                (data, reply) -> change.apply(data, type.payloadType().cast(reply)));
    }

    public boolean hasAction() {
        return action != null;
    }

    public boolean hasCompensation() {
        return compensation != null;
    }

    Optional<SagaCommand<?>> actionFor(D data) {
        return action == null ? Optional.empty() : Optional.of(action.apply(data));
    }

    Optional<SagaCommand<?>> compensationFor(D data) {
        return compensation == null ? Optional.empty() : Optional.of(compensation.apply(data));
    }

    /** The data after a success reply: changed by {@link #onSuccess}'s function, or as it was. */
    D afterSuccess(D data, Message<?> reply) {
        if (fold == null) {
            return data;
        }
        if (!reply.type().equals(replyType)) {
            throw new IllegalArgumentException("the reply to this step is a " + replyType.detailType() + ", not "
                    + reply.detailType());
        }
        return Objects.requireNonNull(fold.apply(data, reply.data()), "a step's onSuccess returns the data");
    }
}
