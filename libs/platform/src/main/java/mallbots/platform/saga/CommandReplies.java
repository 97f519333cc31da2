package mallbots.platform.saga;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A saga participant's memory of the commands it answered, so that a command delivered twice is
 * answered the same way twice, with the same reply message (same message id).
 *
 * <p>Each answered command is a small state item {@code "command#<command message id>"} in the
 * participant's table, created with {@code attribute_not_exists} and carrying the reply in its
 * outbox (published right after the write, or by the sweeper after a crash) and in its state.
 * A redelivered command finds the item and the stored reply is published again, without deciding
 * anything. Two concurrent deliveries both decide, one wins the create, and both publish the
 * winner's reply. The item also gets {@code expiresAt} (epoch seconds) for a real table's TTL;
 * nothing depends on it.
 *
 * <p>A participant whose command also changes its own state makes that change idempotent by
 * itself (e.g. {@code StateStore.apply} with the command's message id), then answers here.
 */
public final class CommandReplies {

    public static final String KEY_PREFIX = "command#";
    public static final String EXPIRES_AT = "expiresAt";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final StateStore<AnsweredCommand> answers;
    private final EventPublisher publisher;
    private final Duration retention;
    private final Clock clock;

    private CommandReplies(Builder builder) {
        this.publisher = Objects.requireNonNull(builder.publisher, "publisher");
        StateStore.Builder<AnsweredCommand> store = StateStore
                .builder(builder.dynamo, builder.tableName, AnsweredCommand.class)
                .publisher(publisher)
                .clock(builder.clock);
        if (builder.sortKey != null) {
            store.sortKey(builder.sortKey);
        }
        this.answers = store.build();
        this.retention = builder.retention;
        this.clock = builder.clock;
    }

    public static Builder builder(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        return new Builder(dynamo, tableName, publisher);
    }

    /** What {@link #answer} did: the reply on the bus, and whether it was a repeat of an earlier answer. */
    public record Answer(OutboundEvent reply, boolean repeated) {
    }

    /**
     * Answers {@code command} once: the first time, {@code decide} makes the reply (see
     * {@link SagaReplies}), which is stored and published; every later time the stored reply is
     * published again and {@code decide} does not run.
     *
     * @throws mallbots.platform.messaging.PublishException when republishing a stored reply
     *         fails, so that the command is delivered again (a first reply waits in the outbox)
     */
    public Answer answer(Message<?> command, Supplier<? extends Message<?>> decide) {
        Objects.requireNonNull(command, "command");
        return answer(command, keyOf(command.messageId()), decide);
    }

    /**
     * {@link #answer} once per business key rather than per command message: the first command
     * with {@code businessKey} (e.g. "ConfirmPayment of saga X") decides, and every later one, even
     * under another message id, gets that first reply again. For an effect the domain allows once
     * whatever asks for it twice.
     */
    public Answer answerOnce(Message<?> command, String businessKey, Supplier<? extends Message<?>> decide) {
        Objects.requireNonNull(command, "command");
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalArgumentException("a business key is required");
        }
        return answer(command, KEY_PREFIX + "key#" + businessKey, decide);
    }

    private Answer answer(Message<?> command, String key, Supplier<? extends Message<?>> decide) {
        Optional<StateItem<AnsweredCommand>> earlier = answers.get(key);
        if (earlier.isPresent()) {
            return repeat(earlier.get().state());
        }
        Message<?> reply = Objects.requireNonNull(decide.get(), "a decision returns a reply");
        if (!command.messageId().equals(reply.metadata().causationId())) {
            throw new IllegalArgumentException("the reply " + reply.detailType() + " is not caused by "
                    + command.detailType() + " " + command.messageId());
        }
        OutboundEvent event = OutboundEvent.of(reply, new MessageCodec(MessageTypes.of(reply.type())));
        AnsweredCommand answered = new AnsweredCommand(command.messageId(), command.detailType(), event);
        long expiresAt = clock.instant().plus(retention).getEpochSecond();
        try {
            answers.create(key, Change.to(answered).publish(event)
                    .set(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt))));
        } catch (ConcurrencyConflict answeredMeanwhile) {
            return repeat(answers.get(key).orElseThrow(() -> answeredMeanwhile).state());
        }
        return new Answer(event, false);
    }

    /** The stored answer to a command, if it was answered. */
    public Optional<AnsweredCommand> find(String commandMessageId) {
        return answers.get(keyOf(commandMessageId)).map(StateItem::state);
    }

    /** The key of the item that records the answer to a command. */
    public static String keyOf(String commandMessageId) {
        if (commandMessageId == null || commandMessageId.isBlank()) {
            throw new IllegalArgumentException("a command has a message id");
        }
        return KEY_PREFIX + commandMessageId;
    }

    private Answer repeat(AnsweredCommand answered) {
        publisher.publish(List.of(answered.reply()));
        return new Answer(answered.reply(), true);
    }

    public static final class Builder {

        private final DynamoDbClient dynamo;
        private final String tableName;
        private final EventPublisher publisher;
        private Long sortKey;
        private Duration retention = DEFAULT_RETENTION;
        private Clock clock = Clock.systemUTC();

        private Builder(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
            this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
            this.tableName = Objects.requireNonNull(tableName, "tableName");
            this.publisher = Objects.requireNonNull(publisher, "publisher");
        }

        /** In a table with a sort key: the {@code sk} of the command items (as for state items, e.g. 0). */
        public Builder sortKey(long value) {
            this.sortKey = value;
            return this;
        }

        /** How long a real table's TTL should keep an answer (default 30 days, longer than any redelivery). */
        public Builder retention(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("retention must be positive: " + value);
            }
            this.retention = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public CommandReplies build() {
            return new CommandReplies(this);
        }
    }
}
