package mallbots.platform.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;

/**
 * One step of a saga: the actions it sends together and waits for. Most steps have one action
 * (or none: a step that only has a compensation); a {@link #parallel} step has several, which
 * need nothing from each other. Each action has an optional compensation (the command that
 * undoes it) and an optional change of the saga's data on its success reply (e.g. remembering
 * the id the participant made). Immutable; the methods return a changed copy.
 *
 * @param <D> the saga's data
 */
public final class SagaStep<D> {

    private final List<Action<D>> actions;

    private SagaStep(List<Action<D>> actions) {
        this.actions = List.copyOf(actions);
    }

    /** A step that sends {@code type} with the payload made from the saga's data, and waits for its reply. */
    public static <D, C> SagaStep<D> action(MessageType<C> type, Function<D, C> payload) {
        return new SagaStep<>(List.of(new Action<>(command(type, payload), null, null, null)));
    }

    /** A step that sends nothing going forward (it may still have a compensation). */
    public static <D> SagaStep<D> withoutAction() {
        return new SagaStep<>(List.of(new Action<>(null, null, null, null)));
    }

    /**
     * A step whose actions are sent together, in one write, and whose replies may come back in any
     * order. The saga goes on once every one of them has answered: to the next step if all
     * succeeded; else it compensates the actions of this step that succeeded and the earlier
     * steps. Each member is a one-action step, with its own compensation and onSuccess; their
     * onSuccess changes must not depend on each other's (they apply in arrival order).
     */
    @SafeVarargs
    public static <D> SagaStep<D> parallel(SagaStep<D>... members) {
        if (members.length < 2) {
            throw new IllegalArgumentException("a parallel step has at least two actions");
        }
        List<Action<D>> actions = new ArrayList<>();
        for (SagaStep<D> member : members) {
            if (member.actions.size() != 1 || !member.hasAction()) {
                throw new IllegalArgumentException("each member of a parallel step is a step with one action");
            }
            actions.add(member.actions.getFirst());
        }
        return new SagaStep<>(actions);
    }

    /** The command that undoes this step's action, run when a later step (or a sibling) fails. */
    public <C> SagaStep<D> compensatedBy(MessageType<C> type, Function<D, C> payload) {
        Objects.requireNonNull(payload, "payload");
        return compensatedBy(type, (D data, String reason) -> payload.apply(data));
    }

    /**
     * {@link #compensatedBy(MessageType, Function)} for a compensation that tells why the saga gave
     * up: {@code payload} gets the saga's data and its reason (the failed actions' reasons, "timed
     * out", or the reason it was stopped with).
     */
    public <C> SagaStep<D> compensatedBy(MessageType<C> type, BiFunction<D, String, C> payload) {
        Action<D> only = only("compensatedBy");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        return new SagaStep<>(List.of(new Action<>(only.command, new TypedCommand<>(type, payload), only.replyType,
                only.fold)));
    }

    /** How the data of a success reply (of {@code type}) changes the saga's data. */
    public <R> SagaStep<D> onSuccess(MessageType<R> type, BiFunction<D, R, D> change) {
        Action<D> only = only("onSuccess");
        if (only.command == null) {
            throw new IllegalStateException("a step without action gets no reply");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(change, "change");
        return new SagaStep<>(List.of(new Action<>(only.command, only.compensation, type,
                (data, reply) -> change.apply(data, type.payloadType().cast(reply)))));
    }

    public boolean hasAction() {
        return actions.stream().anyMatch(action -> action.command != null);
    }

    public boolean hasCompensation() {
        return actions.stream().anyMatch(action -> action.compensation != null);
    }

    /** How many actions this step sends together (1 for a step without action: its compensation's slot). */
    public int size() {
        return actions.size();
    }

    /**
     * What the step sends and undoes, by message type: e.g. {@code AuthorizeCustomer},
     * {@code CreateShoppingList/CancelShoppingList}, {@code -/RejectOrder}, members of a parallel
     * step joined by " + ". Part of the saga's {@link SagaDefinition#layout()}.
     */
    String layout() {
        return actions.stream().map(Action::layout).collect(Collectors.joining(" + "));
    }

    /** The name of action {@code index} (from 0): its command's detail-type, "-" for a step without action. */
    String actionName(int index) {
        return Action.name(actions.get(index).command);
    }

    /** The command of action {@code index} (from 0), none for a step without action. */
    Optional<SagaCommand<?>> actionFor(int index, D data) {
        TypedCommand<D, ?> command = actions.get(index).command;
        return command == null ? Optional.empty() : Optional.of(command.apply(data, null));
    }

    /** The compensation of action {@code index} (from 0), if it has one, for a saga that gave up for {@code reason}. */
    Optional<SagaCommand<?>> compensationFor(int index, D data, String reason) {
        TypedCommand<D, ?> compensation = actions.get(index).compensation;
        return compensation == null ? Optional.empty() : Optional.of(compensation.apply(data, reason));
    }

    /** The data after a success reply to action {@code index}: changed by its onSuccess, or as it was. */
    D afterSuccess(int index, D data, Message<?> reply) {
        Action<D> action = actions.get(index);
        if (action.fold == null) {
            return data;
        }
        if (!reply.type().equals(action.replyType)) {
            throw new IllegalArgumentException("the reply to this action is a " + action.replyType.detailType()
                    + ", not " + reply.detailType());
        }
        return Objects.requireNonNull(action.fold.apply(data, reply.data()), "a step's onSuccess returns the data");
    }

    private Action<D> only(String what) {
        if (actions.size() != 1) {
            throw new IllegalStateException(what + " belongs to a member of a parallel step, not to the step");
        }
        return actions.getFirst();
    }

    private static <D, C> TypedCommand<D, C> command(MessageType<C> type, Function<D, C> payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        return new TypedCommand<>(type, (data, reason) -> payload.apply(data));
    }

    /**
     * A command: its message type (known without data, for the layout) and how the data (and, for
     * a compensation, the saga's reason) makes its payload.
     */
    private record TypedCommand<D, C>(MessageType<C> type, BiFunction<D, String, C> payload) {

        SagaCommand<C> apply(D data, String reason) {
            return SagaCommand.of(type, payload.apply(data, reason));
        }
    }

    private record Action<D>(TypedCommand<D, ?> command, TypedCommand<D, ?> compensation,
            MessageType<?> replyType, BiFunction<D, Object, D> fold) {

        String layout() {
            return name(command) + (compensation == null ? "" : "/" + name(compensation));
        }

        private static String name(TypedCommand<?, ?> command) {
            return command == null ? "-" : command.type().detailType();
        }
    }
}
