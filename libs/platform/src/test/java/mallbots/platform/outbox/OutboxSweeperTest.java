package mallbots.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sweeper sweeps a whole table, so every test here has a table of its own. */
class OutboxSweeperTest {

    private static final DynamoDbClient DYNAMO = LocalAws.dynamo();
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00.000Z");

    record Payment(String customerId, String amount) {
    }

    private String table;
    private final RecordingPublisher recording = RecordingPublisher.accepting();

    @BeforeEach
    void createTable() {
        table = LocalAws.uniqueName("outbox");
        ContextTable.create(DYNAMO, table, ContextTable.Keys.PARTITION);
    }

    private StateStore<Payment> payments(EventPublisher publisher, Clock clock) {
        return StateStore.builder(DYNAMO, table, Payment.class).publisher(publisher).clock(clock).build();
    }

    /** Writes an item with the given outbox entries and "crashes" before publishing them. */
    private String leftBehind(Clock clock, String... messageIds) {
        String key = UUID.randomUUID().toString();
        List<OutboundEvent> events = List.of(messageIds).stream().map(OutboxSweeperTest::event).toList();
        assertThatThrownBy(() -> payments(RecordingPublisher.crashing(), clock)
                .apply(key, "m-" + key, current -> Change.to(new Payment("c-1", "12.50")).publish(events)))
                .isInstanceOf(RecordingPublisher.SimulatedCrash.class);
        return key;
    }

    @Test
    void theSweeperFunctionPublishesWhatACrashLeftBehindAndCleansTheItem() {
        String key = leftBehind(Clock.systemUTC(), "authorized");
        Map<String, AttributeValue> before = item(key);
        assertThat(before.get("outbox").m()).containsOnlyKeys("authorized");
        assertThat(before.get("outboxPending").s()).isEqualTo("1");

        OutboxSweeperFunction function = new OutboxSweeperFunction(DYNAMO, table, recording, Duration.ZERO);
        String summary = function.handleRequest(new ScheduledEvent(), null);

        assertThat(summary).isEqualTo("swept 1 items: 1 events published, 0 failed");
        assertThat(recording.published()).containsExactly(event("authorized"));
        Map<String, AttributeValue> after = item(key);
        assertThat(after.get("outbox").m()).isEmpty();
        assertThat(after).doesNotContainKeys("outboxPending", "outboxSince");
        assertThat(function.handleRequest(new ScheduledEvent(), null)).isEqualTo("swept 0 items: 0 events published, 0 failed");
        assertThat(recording.calls()).isEqualTo(1);
    }

    @Test
    void anEntryYoungerThanTheGracePeriodIsLeftAlone() {
        String key = leftBehind(Clock.fixed(T0, ZoneOffset.UTC), "young");

        OutboxSweeper.Sweep early = new OutboxSweeper(DYNAMO, table, recording, Duration.ofSeconds(30),
                Clock.fixed(T0.plusSeconds(29), ZoneOffset.UTC)).sweep();

        assertThat(early.items()).isZero();
        assertThat(recording.published()).isEmpty();
        assertThat(item(key).get("outbox").m()).containsOnlyKeys("young");

        OutboxSweeper.Sweep late = new OutboxSweeper(DYNAMO, table, recording, Duration.ofSeconds(30),
                Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC)).sweep();

        assertThat(late.published()).isEqualTo(1);
        assertThat(recording.publishedIds()).containsExactly("young");
        assertThat(item(key)).doesNotContainKey("outboxPending");
    }

    @Test
    void inOneItemOnlyTheEntriesOlderThanTheGracePeriodArePublished() {
        String key = leftBehind(Clock.fixed(T0, ZoneOffset.UTC), "old");
        // a later write (25 s on) whose publication crashed too: its entry joins the map
        assertThatThrownBy(() -> payments(RecordingPublisher.crashing(), Clock.fixed(T0.plusSeconds(25), ZoneOffset.UTC))
                .apply(key, "m-2", current -> Change.to(new Payment("c-1", "13.00")).publish(event("recent"))))
                .isInstanceOf(RecordingPublisher.SimulatedCrash.class);
        assertThat(item(key).get("outbox").m()).containsOnlyKeys("old", "recent");

        new OutboxSweeper(DYNAMO, table, recording, Duration.ofSeconds(30),
                Clock.fixed(T0.plusSeconds(40), ZoneOffset.UTC)).sweep();

        assertThat(recording.publishedIds()).containsExactly("old");
        Map<String, AttributeValue> item = item(key);
        assertThat(item.get("outbox").m()).containsOnlyKeys("recent");
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
    }

    @Test
    void readsEveryPageOfTheIndex() {
        List<String> keys = List.of(leftBehind(Clock.systemUTC(), "e-1"), leftBehind(Clock.systemUTC(), "e-2"),
                leftBehind(Clock.systemUTC(), "e-3", "e-4"), leftBehind(Clock.systemUTC(), "e-5"),
                leftBehind(Clock.systemUTC(), "e-6"));

        OutboxSweeper.Sweep sweep = new OutboxSweeper(DYNAMO, table, recording, Duration.ZERO, Clock.systemUTC(), 2)
                .sweep();

        assertThat(sweep).isEqualTo(new OutboxSweeper.Sweep(5, 6, 0));
        assertThat(recording.publishedIds()).containsExactlyInAnyOrder("e-1", "e-2", "e-3", "e-4", "e-5", "e-6");
        assertThat(keys).allSatisfy(key -> assertThat(item(key)).doesNotContainKey("outboxPending"));
    }

    @Test
    void entriesTheBusRefusesStayForTheNextSweep() {
        String key = leftBehind(Clock.systemUTC(), "accepted", "refused");
        RecordingPublisher partial = RecordingPublisher.accepting().refusingIds("refused");

        OutboxSweeper.Sweep first = new OutboxSweeper(DYNAMO, table, partial, Duration.ZERO, Clock.systemUTC()).sweep();

        assertThat(first).isEqualTo(new OutboxSweeper.Sweep(1, 1, 1));
        assertThat(item(key).get("outbox").m()).containsOnlyKeys("refused");
        assertThat(item(key).get("outboxPending").s()).isEqualTo("1");

        new OutboxSweeper(DYNAMO, table, recording, Duration.ZERO, Clock.systemUTC()).sweep();

        assertThat(recording.publishedIds()).containsExactly("refused");
        assertThat(item(key).get("outbox").m()).isEmpty();
        assertThat(item(key)).doesNotContainKey("outboxPending");
    }

    @Test
    void theFunctionBuildsItsClientsFromItsEnvironment() {
        String key = leftBehind(Clock.systemUTC(), "unreachable-bus");
        // The endpoint is dynalite's, which knows no PutEvents: the bus fails, the entry stays.
        OutboxSweeperFunction function = new OutboxSweeperFunction(Environment.of(Map.of(
                OutboxSweeperFunction.TABLE_NAME, table,
                OutboxSweeperFunction.EVENT_BUS_NAME, "mallbots",
                OutboxSweeperFunction.GRACE_SECONDS, "0",
                "AWS_REGION", LocalAws.REGION.id(),
                "AWS_ENDPOINT_URL", LocalAws.dynamoEndpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test")));

        assertThat(function.handleRequest(new ScheduledEvent(), null))
                .isEqualTo("swept 1 items: 0 events published, 1 failed");
        assertThat(item(key).get("outbox").m()).containsOnlyKeys("unreachable-bus");
        assertThat(item(key).get("outboxPending").s()).isEqualTo("1");
    }

    @Test
    void theFunctionNamesAMissingSetting() {
        assertThatThrownBy(() -> new OutboxSweeperFunction(Environment.of(Map.of(
                "AWS_REGION", "us-east-1", OutboxSweeperFunction.EVENT_BUS_NAME, "mallbots"))))
                .hasMessageContaining("TABLE_NAME");
    }

    private Map<String, AttributeValue> item(String key) {
        return DYNAMO.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(key)))
                .consistentRead(true)).item();
    }

    static OutboundEvent event(String messageId) {
        return new OutboundEvent(messageId, "mallbots.payments", "PaymentAuthorized",
                "{\"metadata\":{\"messageId\":\"" + messageId + "\"},\"data\":{\"amount\":\"12.50\"}}");
    }
}
