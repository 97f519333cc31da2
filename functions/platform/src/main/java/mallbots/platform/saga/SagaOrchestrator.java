package mallbots.platform.saga;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

/**
 * Runs the instances of one saga, each a state item {@code "saga#<sagaId>"} ({@link SagaState}).
 *
 * <ul>
 *   <li>{@link #start}: runs steps 1, 2, ... skipping those without action, until one sends its
 *       command; the item is created with {@code attribute_not_exists}, so a saga id starts once.
 *   <li>{@link #onReply}, success: the step's {@code onSuccess} changes the data and the next step
 *       with an action sends its command; after the last step the saga is done.
 *   <li>{@link #onReply}, failure: the saga turns compensating and sends, in one write, the
 *       compensations of every step before the failed one, from the nearest back to the first;
 *       then it is done. It does not wait for their replies: a compensation has no compensation,
 *       its participant answers it like any command, and its reply reaches a done saga.
 *   <li>A reply for a done saga, a reply to a command other than the one awaited (another step,
 *       an older command) and a second copy of a reply change nothing.
 * </ul>
 *
 * <p>Every change is one conditional write of the item (on its version), with the commands it
 * sends in the same write's outbox: two concurrent replies cannot both advance the saga (the
 * loser re-reads, no longer finds its command awaited, and changes nothing), and a crash cannot
 * lose a command nor send one for a change that was not stored. A command's message id is a
 * name-based UUID of the saga's id, its step and its kind, so the same decision always sends the
 * same message.
 *
 * @param <D> the saga's data
 */
public final class SagaOrchestrator<D> {

    public static final String KEY_PREFIX = "saga#";

    private static final Logger LOG = LoggerFactory.getLogger(SagaOrchestrator.class);

    private final SagaDefinition<D> definition;
    private final StateStore<SagaState> sagas;

    private SagaOrchestrator(SagaDefinition<D> definition, StateStore<SagaState> sagas) {
        this.definition = definition;
        this.sagas = sagas;
    }

    /** On a table shaped as a context table ({@code pk}, the outbox GSI), publishing through {@code publisher}. */
    public static <D> SagaOrchestrator<D> create(SagaDefinition<D> definition, DynamoDbClient dynamo,
            String tableName, EventPublisher publisher) {
        Objects.requireNonNull(definition, "definition");
        return new SagaOrchestrator<>(definition,
                StateStore.builder(dynamo, tableName, SagaState.class).publisher(publisher).build());
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
        Decision decision = forward(sagaId, data, 1, cause);
        try {
            sagas.create(key, Change.to(decision.state()).publish(decision.commands()));
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
        ApplyResult<SagaState> result = sagas.applyItem(keyOf(metadata.sagaId()), reply.messageId(), item -> {
            SagaState saga = item.map(StateItem::state).orElseThrow(() -> new IllegalArgumentException(
                    reply.detailType() + " " + reply.messageId() + " is for " + definition.name() + " "
                            + metadata.sagaId() + ", which does not exist"));
            Decision decision = decide(saga, reply);
            status.set(decision.status());
            return decision.status() == Status.IGNORED ? Change.none()
                    : Change.to(decision.state()).publish(decision.commands());
        });
        SagaState after = result.state().orElseThrow();
        Status done = result.status() == ApplyResult.Status.DUPLICATE ? Status.DUPLICATE : status.get();
        if (done == Status.IGNORED || done == Status.DUPLICATE) {
            LOG.info("{} {}: {} {} ({}{}) changes nothing: {}", definition.name(), after.id(), reply.detailType(),
                    reply.messageId(), metadata.outcome(), metadata.reason() == null ? "" : ": " + metadata.reason(),
                    done == Status.DUPLICATE ? "a copy of a reply applied before"
                            : after.done() ? "the saga is done" : "not the reply it awaits");
        }
        return new SagaResult(done, after);
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
        if (saga.done() || !reply.metadata().causationId().equals(saga.awaiting())) {
            return new Decision(Status.IGNORED, saga, List.of());
        }
        D data = saga.data(definition.dataType());
        SagaStep<D> step = definition.step(saga.step());
        if (reply.metadata().outcome() == Outcome.SUCCESS) {
            return forward(saga.id(), step.afterSuccess(data, reply), saga.step() + 1, reply);
        }
        return compensate(saga, data, reply);
    }

    /** From step {@code from} on: the first step with an action sends its command; none left, the saga is done. */
    private Decision forward(String sagaId, D data, int from, Message<?> cause) {
        JsonNode json = Json.mapper().valueToTree(data);
        for (int number = from; number <= definition.steps().size(); number++) {
            Optional<SagaCommand<?>> action = definition.step(number).actionFor(data);
            if (action.isPresent()) {
                OutboundEvent command = command(action.get(), sagaId, number, "action", cause);
                SagaState state = new SagaState(sagaId, definition.name(), json, number, false, false,
                        command.messageId(), null);
                return new Decision(from == 1 ? Status.STARTED : Status.ADVANCED, state, List.of(command));
            }
        }
        SagaState state = new SagaState(sagaId, definition.name(), json, definition.steps().size(), true, false,
                null, null);
        return new Decision(Status.COMPLETED, state, List.of());
    }

    /** The compensations of the steps before the failed one, nearest first, in one write; then done. */
    private Decision compensate(SagaState saga, D data, Message<?> failure) {
        List<OutboundEvent> commands = new ArrayList<>();
        for (int number = saga.step() - 1; number >= 1; number--) {
            Optional<SagaCommand<?>> compensation = definition.step(number).compensationFor(data);
            if (compensation.isPresent()) {
                commands.add(command(compensation.get(), saga.id(), number, "compensation", failure));
            }
        }
        String reason = Optional.ofNullable(failure.metadata().reason())
                .orElse(failure.detailType() + " reported a failure");
        SagaState state = new SagaState(saga.id(), saga.name(), saga.data(), saga.step(), true, true, null, reason);
        return new Decision(Status.COMPENSATED, state, commands);
    }

    private OutboundEvent command(SagaCommand<?> command, String sagaId, int step, String kind, Message<?> cause) {
        Metadata metadata = Metadata.causedBy(cause.metadata())
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
