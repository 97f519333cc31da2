package mallbots.platform.saga;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.saga.SagaResult.Status;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs the instances of one saga, each a state item {@code "saga#<sagaId>"} ({@link SagaState}).
 *
 * <ul>
 *   <li>{@link #start}: runs steps 1, 2, ... skipping those without action, until one sends its
 *       commands (one, or all the actions of a {@link SagaStep#parallel} step, in one write); the
 *       item is created with {@code attribute_not_exists}, so a saga id starts once.
 *   <li>{@link #onReply}: the reply is recorded against the action whose command it answers (a
 *       success runs that action's {@code onSuccess} on the data). While other actions of the step
 *       have not answered, that is all. Once every one has: all succeeded, the next step with an
 *       action sends its commands (after the last step the saga is done); any failed, the saga
 *       turns compensating and sends, in one write and nearest first, the compensations of the
 *       step's actions that succeeded, then those of every earlier step; then it is done. It does
 *       not wait for the compensations' replies: a compensation has no compensation, its
 *       participant answers it like any command, and its reply reaches a done saga.
 *   <li>A reply for a done saga, a reply to a command it does not await (another step, an action
 *       that answered already, an older command) and a second copy of a reply change nothing.
 *   <li>{@link #onDeadline}: a running saga whose step's replies are overdue ({@link SagaDeadlines})
 *       sends the unanswered commands again, a bounded number of times, then compensates with the
 *       reason "timed out". {@link #stop} ends a running saga from outside (its order was canceled):
 *       it compensates what succeeded, with the given reason.
 *   <li>A running saga whose recorded {@link SagaDefinition#layout()} is not this definition's (it
 *       was started by a deployment with other steps) is refused: its reply fails, rather than
 *       send the command of whatever step has that number now.
 * </ul>
 *
 * <p>Every change is one conditional write of the item (on its version), with the commands it
 * sends in the same write's outbox: of two concurrent replies, the one that loses the write
 * re-reads the saga and decides again on what the other recorded (the state store's conflict
 * retry), so both are recorded and a step goes on exactly once; a crash cannot lose a command
 * nor send one for a change that was not stored. A command's message id is a name-based UUID of
 * the saga's id, its step and its kind ("action", "compensation", with the action's number in a
 * parallel step), so the same decision always sends the same message.
 *
 * @param <D> the saga's data
 */
public final class SagaOrchestrator<D> {

    public static final String KEY_PREFIX = "saga#";

    private static final Logger LOG = LoggerFactory.getLogger(SagaOrchestrator.class);

    private final SagaDefinition<D> definition;
    private final StateStore<SagaState> sagas;
    private final String layout;
    private final SagaDeadlines deadlines;

    private SagaOrchestrator(SagaDefinition<D> definition, StateStore<SagaState> sagas, SagaDeadlines deadlines) {
        this.definition = definition;
        this.sagas = sagas;
        this.layout = definition.layout();
        this.deadlines = deadlines;
    }

    /**
     * On a table shaped as a context table ({@code pk}, the outbox GSI, and the
     * {@link SagaDeadlines#INDEX} GSI for the sweeper), publishing through {@code publisher}, with
     * the {@link SagaDeadlines#defaults()}.
     */
    public static <D> SagaOrchestrator<D> create(SagaDefinition<D> definition, DynamoDbClient dynamo,
            String tableName, EventPublisher publisher) {
        return create(definition, dynamo, tableName, publisher, SagaDeadlines.defaults());
    }

    /** {@link #create(SagaDefinition, DynamoDbClient, String, EventPublisher)} with these deadlines. */
    public static <D> SagaOrchestrator<D> create(SagaDefinition<D> definition, DynamoDbClient dynamo,
            String tableName, EventPublisher publisher, SagaDeadlines deadlines) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(deadlines, "deadlines");
        return new SagaOrchestrator<>(definition, StateStore.builder(dynamo, tableName, SagaState.class)
                .publisher(publisher).clock(deadlines.clock()).build(), deadlines);
    }

    public SagaDeadlines deadlines() {
        return deadlines;
    }

    public SagaDefinition<D> definition() {
        return definition;
    }

    /**
     * Starts saga {@code sagaId} with {@code data}, caused by {@code cause} (its commands carry the
     * cause's correlation id). A saga id that exists already starts nothing.
     */
    public SagaResult start(String sagaId, D data, Message<?> cause) {
        requireText(sagaId, "sagaId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cause, "cause");
        String key = keyOf(sagaId);
        Decision decision = forward(sagaId, data, 1, cause.metadata());
        try {
            sagas.create(key, change(decision));
        } catch (ConcurrencyConflict exists) {
            SagaState existing = sagas.get(key).map(StateItem::state).orElseThrow(() -> exists);
            LOG.info("{} {} exists already: {} {} starts nothing", definition.name(), sagaId, cause.detailType(),
                    cause.messageId());
            return new SagaResult(Status.ALREADY_STARTED, existing);
        }
        return new SagaResult(Status.STARTED, decision.state());
    }

    /**
     * Takes a participant's reply: its sagaId names the saga, its causationId the command it
     * answers, its outcome what happens next.
     *
     * @throws IllegalArgumentException when the reply is not one to this saga (no sagaId or outcome,
     *         another saga's name) or its saga does not exist: the message cannot be processed
     */
    public SagaResult onReply(Message<?> reply) {
        Metadata metadata = Objects.requireNonNull(reply, "reply").metadata();
        if (metadata.sagaId() == null || metadata.outcome() == null) {
            throw new IllegalArgumentException(reply.detailType() + " " + reply.messageId()
                    + " is not a saga reply: it lacks sagaId or outcome");
        }
        if (!definition.name().equals(metadata.sagaName())) {
            throw new IllegalArgumentException(reply.detailType() + " " + reply.messageId() + " is a reply to "
                    + metadata.sagaName() + ", not to " + definition.name());
        }
        AtomicReference<Status> status = new AtomicReference<>();
        AtomicReference<SagaResult.AnsweredStep> answered = new AtomicReference<>();
        ApplyResult<SagaState> result = sagas.applyItem(keyOf(metadata.sagaId()), reply.messageId(), item -> {
            SagaState saga = item.map(StateItem::state).orElseThrow(() -> new IllegalArgumentException(
                    reply.detailType() + " " + reply.messageId() + " is for " + definition.name() + " "
                            + metadata.sagaId() + ", which does not exist"));
            Decision decision = decide(saga, reply);
            status.set(decision.status());
            answered.set(decision.status() == Status.IGNORED ? null : answeredStep(saga, reply));
            return decision.status() == Status.IGNORED ? Change.none() : change(decision);
        });
        SagaState after = result.state().orElseThrow();
        Status done = result.status() == ApplyResult.Status.DUPLICATE ? Status.DUPLICATE : status.get();
        if (done == Status.IGNORED || done == Status.DUPLICATE) {
            LOG.info("{} {}: {} {} ({}{}) changes nothing: {}", definition.name(), after.id(), reply.detailType(),
                    reply.messageId(), metadata.outcome(), metadata.reason() == null ? "" : ": " + metadata.reason(),
                    done == Status.DUPLICATE ? "a copy of a reply applied before"
                            : after.done() ? "the saga is done" : "not the reply it awaits");
            return new SagaResult(done, after);
        }
        return new SagaResult(done, after, answered.get());
    }

    /** Which action of the running step the (awaited) reply answers, and how long after the step began. */
    private SagaResult.AnsweredStep answeredStep(SagaState saga, Message<?> reply) {
        if (saga.stepStartedAt() == null) {
            return null; // stored before step times were recorded
        }
        SagaStep<D> step = definition.step(saga.step());
        int action = actionAnswered(saga, step, reply.metadata().causationId());
        return new SagaResult.AnsweredStep(saga.step(), step.actionName(action - 1),
                Duration.between(saga.stepStartedAt(), deadlines.clock().instant()));
    }

    /**
     * Acts on a saga whose deadline has passed (the {@link SagaDeadlineSweeper} calls it for each
     * overdue saga it finds): while resends are left, the step's unanswered commands are sent again
     * (same message ids) with a new deadline (RESENT); then the saga compensates, every unanswered
     * action failed with "timed out" (TIMED_OUT). A saga that is done, not overdue (a reply or
     * another sweep moved it meanwhile) or unknown is left alone (empty).
     */
    public Optional<SagaResult> onDeadline(String sagaId) {
        AtomicReference<Status> status = new AtomicReference<>();
        ApplyResult<SagaState> result = sagas.modifyItem(keyOf(sagaId), item -> {
            if (item.isEmpty()) {
                return Change.none();
            }
            SagaState saga = item.get().state();
            Instant now = deadlines.clock().instant();
            if (saga.done() || saga.deadline() == null || saga.deadline().isAfter(now)) {
                return Change.none();
            }
            if (!layout.equals(saga.layout())) {
                LOG.warn("{} {} is overdue but runs under other steps [{}]: left alone, its order needs a hand",
                        definition.name(), sagaId, saga.layout());
                return Change.none();
            }
            Decision decision = saga.resends() < deadlines.resends() ? resend(saga)
                    : giveUp(saga, SagaDeadlines.TIMED_OUT, Status.TIMED_OUT);
            status.set(decision.status());
            return change(decision);
        });
        if (status.get() == null) {
            return Optional.empty();
        }
        SagaState after = result.state().orElseThrow();
        if (status.get() == Status.RESENT) {
            LOG.info("{} {}: step {} overdue, its unanswered commands sent again ({} of {})", definition.name(),
                    sagaId, after.step(), after.resends(), deadlines.resends());
        } else {
            LOG.warn("{} {}: step {} timed out after {} resends: compensated", definition.name(), sagaId,
                    after.step(), deadlines.resends());
        }
        return Optional.of(new SagaResult(status.get(), after));
    }

    /**
     * Ends a running saga from outside, e.g. because its order was canceled: every unanswered
     * action of its step counts as failed with {@code reason}, and the saga compensates what
     * succeeded (STOPPED). {@code cause} is recorded as applied, so a copy of it changes nothing.
     * A done saga is left as it is (IGNORED); a saga that does not exist, empty.
     */
    public Optional<SagaResult> stop(String sagaId, String reason, Message<?> cause) {
        requireText(reason, "reason");
        Objects.requireNonNull(cause, "cause");
        AtomicReference<Status> status = new AtomicReference<>();
        ApplyResult<SagaState> result = sagas.applyItem(keyOf(sagaId), cause.messageId(), item -> {
            if (item.isEmpty()) {
                return Change.none();
            }
            SagaState saga = item.get().state();
            if (saga.done() || !layout.equals(saga.layout())) {
                status.set(Status.IGNORED);
                return Change.none();
            }
            Decision decision = giveUp(saga, reason, Status.STOPPED);
            status.set(decision.status());
            return change(decision);
        });
        if (result.state().isEmpty()) {
            LOG.info("{} {} does not exist: {} {} stops nothing", definition.name(), sagaId, cause.detailType(),
                    cause.messageId());
            return Optional.empty();
        }
        Status done = result.status() == ApplyResult.Status.DUPLICATE ? Status.DUPLICATE : status.get();
        return Optional.of(new SagaResult(done, result.state().orElseThrow()));
    }

    /** The saga's state, read consistently. */
    public Optional<SagaState> find(String sagaId) {
        return sagas.get(keyOf(sagaId)).map(StateItem::state);
    }

    /** The key of a saga's item. */
    public static String keyOf(String sagaId) {
        requireText(sagaId, "sagaId");
        return KEY_PREFIX + sagaId;
    }

    /** The message id of a step's command: the same for the same saga, step and kind, whoever decides it. */
    public static String commandId(String sagaId, int step, String kind) {
        return UUID.nameUUIDFromBytes((sagaId + "/" + step + "/" + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private Decision decide(SagaState saga, Message<?> reply) {
        if (saga.done()) {
            return new Decision(Status.IGNORED, saga, List.of());
        }
        requireLayout(saga, reply);
        String answered = reply.metadata().causationId();
        if (!saga.awaiting().contains(answered)) {
            return new Decision(Status.IGNORED, saga, List.of());
        }
        SagaStep<D> step = definition.step(saga.step());
        int action = actionAnswered(saga, step, answered);
        D data = saga.data(definition.dataType());
        List<String> awaiting = new ArrayList<>(saga.awaiting());
        awaiting.remove(answered);
        List<Integer> succeeded = new ArrayList<>(saga.succeeded());
        Map<Integer, String> failed = new TreeMap<>(saga.failed());
        if (reply.metadata().outcome() == Outcome.SUCCESS) {
            data = step.afterSuccess(action - 1, data, reply);
            succeeded.add(action);
        } else {
            failed.put(action, Optional.ofNullable(reply.metadata().reason())
                    .orElse(reply.detailType() + " reported a failure"));
        }
        if (!awaiting.isEmpty()) {
            // a parallel step goes on only once every action has answered: whatever the order the
            // replies come in, the compensations then know every action that succeeded
            SagaState recorded = new SagaState(saga.id(), saga.name(), layout, Json.mapper().valueToTree(data),
                    saga.step(), false, false, awaiting, succeeded, failed, null, saga.deadline(), saga.resends(),
                    saga.correlationId(), saga.causationId(), saga.stepStartedAt());
            return new Decision(Status.RECORDED, recorded, List.of());
        }
        if (failed.isEmpty()) {
            return forward(saga.id(), data, saga.step() + 1, reply.metadata());
        }
        return compensate(saga, data, succeeded, failed, String.join("; ", failed.values()), reply.metadata());
    }

    /** The step's unanswered commands again, the same messages, with a new deadline. */
    private Decision resend(SagaState saga) {
        SagaStep<D> step = definition.step(saga.step());
        D data = saga.data(definition.dataType());
        Metadata cause = storedCause(saga);
        List<OutboundEvent> commands = new ArrayList<>();
        for (int action = 1; action <= step.size(); action++) {
            String kind = kind("action", step, action);
            if (saga.awaiting().contains(commandId(saga.id(), saga.step(), kind))) {
                commands.add(command(step.actionFor(action - 1, data).orElseThrow(), saga.id(), saga.step(), kind,
                        cause));
            }
        }
        SagaState state = new SagaState(saga.id(), saga.name(), layout, saga.data(), saga.step(), false, false,
                saga.awaiting(), saga.succeeded(), saga.failed(), null, deadlines.next(), saga.resends() + 1,
                saga.correlationId(), saga.causationId(), saga.stepStartedAt());
        return new Decision(Status.RESENT, state, commands);
    }

    /** Every unanswered action of the step failed with {@code reason}: the saga compensates. */
    private Decision giveUp(SagaState saga, String reason, Status status) {
        SagaStep<D> step = definition.step(saga.step());
        Map<Integer, String> failed = new TreeMap<>(saga.failed());
        for (String awaited : saga.awaiting()) {
            failed.put(actionAnswered(saga, step, awaited), reason);
        }
        Decision compensated = compensate(saga, saga.data(definition.dataType()), saga.succeeded(), failed, reason,
                storedCause(saga));
        return new Decision(status, compensated.state(), compensated.commands());
    }

    /**
     * The message that moved the saga to its step, as a cause for commands decided without a message
     * (a deadline): its flow's correlation id, and its id. A saga stored without them is its own flow.
     */
    private Metadata storedCause(SagaState saga) {
        String correlationId = saga.correlationId() == null ? saga.id() : saga.correlationId();
        String causationId = saga.causationId() == null ? correlationId : saga.causationId();
        return new Metadata(causationId, correlationId, causationId, deadlines.clock().instant(),
                Metadata.CURRENT_SCHEMA_VERSION, null, null, null, null, null, null, null, null);
    }

    /** The write of a decision: the state, its commands, and the deadline index's keys while running. */
    private static Change<SagaState> change(Decision decision) {
        Change<SagaState> change = Change.to(decision.state()).publish(decision.commands());
        Instant deadline = decision.state().deadline();
        return deadline == null ? change.remove(SagaDeadlines.DUE).remove(SagaDeadlines.AT)
                : change.set(SagaDeadlines.DUE, AttributeValue.fromS(SagaDeadlines.DUE_VALUE))
                        .set(SagaDeadlines.AT, AttributeValue.fromS(SagaDeadlines.timestamp(deadline)));
    }

    /** A running saga started under other steps is refused: its step numbers mean other commands here. */
    private void requireLayout(SagaState saga, Message<?> reply) {
        if (!layout.equals(saga.layout())) {
            throw new IllegalStateException(reply.detailType() + " " + reply.messageId() + " is for "
                    + definition.name() + " " + saga.id() + ", which runs under "
                    + (saga.layout() == null ? "the steps of a version that did not record its layout"
                            : "the steps [" + saga.layout() + "]")
                    + ", not [" + layout + "]: a saga is not moved to other steps; its order needs a hand");
        }
    }

    /** Which action (from 1) of the saga's step sent the command {@code commandId}. */
    private int actionAnswered(SagaState saga, SagaStep<D> step, String commandId) {
        for (int action = 1; action <= step.size(); action++) {
            if (commandId(saga.id(), saga.step(), kind("action", step, action)).equals(commandId)) {
                return action;
            }
        }
        throw new IllegalStateException(definition.name() + " " + saga.id() + " awaits " + commandId
                + ", which no action of step " + saga.step() + " sent");
    }

    /** From step {@code from} on: the first step with an action sends its commands; none left, the saga is done. */
    private Decision forward(String sagaId, D data, int from, Metadata cause) {
        JsonNode json = Json.mapper().valueToTree(data);
        for (int number = from; number <= definition.steps().size(); number++) {
            SagaStep<D> step = definition.step(number);
            List<OutboundEvent> commands = new ArrayList<>();
            for (int action = 1; action <= step.size(); action++) {
                Optional<SagaCommand<?>> command = step.actionFor(action - 1, data);
                if (command.isPresent()) {
                    commands.add(command(command.get(), sagaId, number, kind("action", step, action), cause));
                }
            }
            if (!commands.isEmpty()) {
                SagaState state = new SagaState(sagaId, definition.name(), layout, json, number, false, false,
                        commands.stream().map(OutboundEvent::messageId).toList(), List.of(), Map.of(), null,
                        deadlines.next(), 0, cause.correlationId(), cause.messageId(), deadlines.clock().instant());
                return new Decision(from == 1 ? Status.STARTED : Status.ADVANCED, state, commands);
            }
        }
        SagaState state = new SagaState(sagaId, definition.name(), layout, json, definition.steps().size(), true,
                false, List.of(), List.of(), Map.of(), null, null, 0, cause.correlationId(), cause.messageId(), null);
        return new Decision(Status.COMPLETED, state, List.of());
    }

    /**
     * In one write, nearest first: the compensations of the failed step's actions that succeeded
     * (last action first), then those of every earlier step; then the saga is done.
     */
    private Decision compensate(SagaState saga, D data, List<Integer> succeeded, Map<Integer, String> failed,
            String reason, Metadata cause) {
        List<OutboundEvent> commands = new ArrayList<>();
        SagaStep<D> failedStep = definition.step(saga.step());
        for (int action : succeeded.stream().sorted(Comparator.reverseOrder()).toList()) {
            failedStep.compensationFor(action - 1, data, reason).ifPresent(compensation -> commands.add(command(
                    compensation, saga.id(), saga.step(), kind("compensation", failedStep, action), cause)));
        }
        for (int number = saga.step() - 1; number >= 1; number--) {
            SagaStep<D> step = definition.step(number);
            for (int action = step.size(); action >= 1; action--) {
                Optional<SagaCommand<?>> compensation = step.compensationFor(action - 1, data, reason);
                if (compensation.isPresent()) {
                    commands.add(command(compensation.get(), saga.id(), number, kind("compensation", step, action),
                            cause));
                }
            }
        }
        SagaState state = new SagaState(saga.id(), saga.name(), layout, Json.mapper().valueToTree(data), saga.step(),
                true, true, List.of(), succeeded, failed, reason, null, saga.resends(), saga.correlationId(),
                cause.messageId(), null);
        return new Decision(Status.COMPENSATED, state, commands);
    }

    /** The kind in a command's id: "action" or "compensation" for a one-action step, with the action's number in a parallel one. */
    private static String kind(String base, SagaStep<?> step, int action) {
        return step.size() == 1 ? base : base + " " + action;
    }

    private OutboundEvent command(SagaCommand<?> command, String sagaId, int step, String kind, Metadata cause) {
        Metadata metadata = Metadata.causedBy(cause)
                .withMessageId(commandId(sagaId, step, kind))
                .withSaga(sagaId, definition.name(), definition.replyTo());
        Message<?> message = message(command, metadata);
        return OutboundEvent.of(message, new MessageCodec(MessageTypes.of(message.type())));
    }

    private static <C> Message<C> message(SagaCommand<C> command, Metadata metadata) {
        return new Message<>(command.type(), metadata, command.data());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** What a start or a reply decides: the status, the saga's new state, the commands to send with it. */
    private record Decision(Status status, SagaState state, List<OutboundEvent> commands) {
    }
}
