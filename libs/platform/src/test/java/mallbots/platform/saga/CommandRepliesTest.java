package mallbots.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.messaging.PublishException;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CommandRepliesTest {

    record Reserve(String thing) {
    }

    record ReserveReply(String reservationId) {
    }

    private static final MessageType<Reserve> RESERVE = MessageType.of("mallbots.cosec", "Reserve", Reserve.class);
    private static final MessageType<ReserveReply> RESERVE_REPLY =
            MessageType.of("mallbots.tests", "ReserveReply", ReserveReply.class);

    private static final DynamoDbClient DYNAMO = new InMemoryDynamo();
    private static final String TABLE = LocalAws.uniqueName("replies");
    private static final String TABLE_WITH_SORT_KEY = LocalAws.uniqueName("replies-sk");
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final RecordingPublisher publisher = RecordingPublisher.accepting();
    private final CommandReplies replies = CommandReplies.builder(DYNAMO, TABLE, publisher)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @BeforeAll
    static void createTables() {
        ContextTable.create(DYNAMO, TABLE, ContextTable.Keys.PARTITION);
        ContextTable.create(DYNAMO, TABLE_WITH_SORT_KEY, ContextTable.Keys.PARTITION_AND_SORT);
    }

    @Test
    void aCommandDeliveredTwiceIsAnsweredTwiceWithTheSameReplyAndDecidedOnce() {
        Message<Reserve> command = command("lamp");
        AtomicInteger decisions = new AtomicInteger();

        CommandReplies.Answer first = replies.answer(command, () -> {
            decisions.incrementAndGet();
            return SagaReplies.success(command, RESERVE_REPLY, new ReserveReply("r-" + decisions.get()));
        });
        CommandReplies.Answer second = replies.answer(command, () -> {
            decisions.incrementAndGet();
            return SagaReplies.failure(command, RESERVE_REPLY, new ReserveReply("other"), "changed my mind");
        });

        assertThat(decisions).hasValue(1);
        assertThat(first.repeated()).isFalse();
        assertThat(second.repeated()).isTrue();
        assertThat(second.reply()).isEqualTo(first.reply());
        assertThat(publisher.published()).containsExactly(first.reply(), first.reply());
        assertThat(first.reply().messageId()).isEqualTo(SagaReplies.replyId(command));
        assertThat(first.reply().detail()).contains("\"reservationId\":\"r-1\"").contains("\"outcome\":\"success\"");

        Map<String, AttributeValue> item = DYNAMO.getItem(r -> r.tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("command#" + command.messageId())))).item();
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("outbox").m()).isEmpty();
        assertThat(item).doesNotContainKey("outboxPending");
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(replies.find(command.messageId())).hasValueSatisfying(answered -> {
            assertThat(answered.commandType()).isEqualTo("Reserve");
            assertThat(answered.reply()).isEqualTo(first.reply());
        });
    }

    @Test
    void aDeliveryThatLosesTheRaceRepeatsTheWinnersReply() {
        Message<Reserve> command = command("chair");

        CommandReplies.Answer loser = replies.answer(command, () -> {
            // a concurrent delivery of the same command answers between our read and our write
            replies.answer(command, () -> SagaReplies.success(command, RESERVE_REPLY, new ReserveReply("winner")));
            return SagaReplies.success(command, RESERVE_REPLY, new ReserveReply("loser"));
        });

        assertThat(loser.repeated()).isTrue();
        assertThat(loser.reply().detail()).contains("winner");
        assertThat(publisher.published()).hasSize(2).allSatisfy(reply -> assertThat(reply).isEqualTo(loser.reply()));
    }

    @Test
    void aFirstReplyTheBusRefusedWaitsInTheOutboxAndARepeatThatFailsFailsTheDelivery() {
        RecordingPublisher refusing = RecordingPublisher.refusing();
        CommandReplies offline = CommandReplies.builder(DYNAMO, TABLE, refusing).build();
        Message<Reserve> command = command("desk");

        CommandReplies.Answer first = offline.answer(command,
                () -> SagaReplies.failure(command, RESERVE_REPLY, new ReserveReply("none"), "no desk left"));

        Map<String, AttributeValue> item = DYNAMO.getItem(r -> r.tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS(CommandReplies.keyOf(command.messageId()))))).item();
        assertThat(item.get("outbox").m()).containsOnlyKeys(first.reply().messageId());
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
        assertThatThrownBy(() -> offline.answer(command, () -> {
            throw new AssertionError("not decided again");
        })).isInstanceOf(PublishException.class);
    }

    @Test
    void worksInATableWithASortKey() {
        CommandReplies sorted = CommandReplies.builder(DYNAMO, TABLE_WITH_SORT_KEY, publisher).sortKey(0).build();
        Message<Reserve> command = command("bed");

        sorted.answer(command, () -> SagaReplies.success(command, RESERVE_REPLY, new ReserveReply("b")));
        CommandReplies.Answer again = sorted.answer(command, () -> {
            throw new AssertionError("not decided again");
        });

        assertThat(again.repeated()).isTrue();
        assertThat(DYNAMO.getItem(r -> r.tableName(TABLE_WITH_SORT_KEY).key(Map.of(
                "pk", AttributeValue.fromS("command#" + command.messageId()), "sk", AttributeValue.fromN("0"))))
                .hasItem()).isTrue();
    }

    @Test
    void aReplyMustBeCausedByTheCommandItAnswers() {
        Message<Reserve> command = command("sofa");
        Message<Reserve> other = command("rug");

        assertThatThrownBy(() -> replies.answer(command,
                () -> SagaReplies.success(other, RESERVE_REPLY, new ReserveReply("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not caused by Reserve");
        assertThat(replies.find(command.messageId())).isEmpty();
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void aReplyCarriesTheSagaTheOutcomeAndTheReason() {
        Message<Reserve> command = command("shelf");

        Message<ReserveReply> success = SagaReplies.success(command, RESERVE_REPLY, new ReserveReply("s"));
        Message<ReserveReply> failure = SagaReplies.failure(command, RESERVE_REPLY, new ReserveReply("f"), "sold out");

        Metadata metadata = failure.metadata();
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        assertThat(metadata.sagaId()).isEqualTo(command.metadata().sagaId());
        assertThat(metadata.sagaName()).isEqualTo("CreateOrderSaga");
        assertThat(metadata.replyTo()).isEqualTo("mallbots.cosec");
        assertThat(metadata.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(metadata.reason()).isEqualTo("sold out");
        assertThat(success.metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(success.metadata().reason()).isNull();
        assertThat(success.messageId()).isEqualTo(failure.messageId()).isEqualTo(SagaReplies.replyId(command))
                .isNotEqualTo(SagaReplies.replyId(command("other")));
        assertThatThrownBy(() -> SagaReplies.failure(command, RESERVE_REPLY, new ReserveReply("f"), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SagaReplies.success(RESERVE.create(new Reserve("x")), RESERVE_REPLY,
                new ReserveReply("x"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sagaId");
    }

    private static Message<Reserve> command(String thing) {
        return new Message<>(RESERVE, Metadata.first()
                .withSaga(UUID.randomUUID().toString(), "CreateOrderSaga", "mallbots.cosec"), new Reserve(thing));
    }
}
