package mallbots.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A delivery stored in the data directory comes back from a second opening of it as it was
 * stored: the event (with the TraceHeader an SQS target's message needs as AWSTraceHeader), the
 * rule and the target's definition.
 */
class DeliveryJournalRowTest {

    private final ObjectMapper json = new ObjectMapper();

    private final PublishedEvent event = new PublishedEvent("ev-1", "mallbots", "mallbots.ordering", "OrderCreated",
            "{\"id\":\"ev-1\"}", Instant.parse("2026-12-02T10:00:00Z"), "Root=1-6b103bfd-b42dec2a6e484ef0009d1c42");
    private final Rule rule = new Rule("NotificationsOrderEventsRule", "mallbots",
            "arn:aws:events:us-east-1:000000000000:rule/mallbots/N", "{\"source\":[\"mallbots.ordering\"]}", null,
            true, null, null, Instant.EPOCH);
    private final ObjectNode definition = json.createObjectNode().put("Id", "NotificationsQueue")
            .put("Arn", "arn:aws:sqs:us-east-1:000000000000:mallbots-notifications");
    private final Target target = new Target("NotificationsQueue", definition.get("Arn").asText(), null, null, 2,
            Duration.ofMinutes(5), null, null, definition);

    @Test
    void a_stored_delivery_comes_back_whole_after_the_database_is_opened_again() throws Exception {
        Path dataDir = Files.createTempDirectory("journal-row");
        String id;
        try (EventBridgeDatabase database = EventBridgeDatabase.open(dataDir)) {
            id = new DeliveryJournal(database, json).add(event, rule, target);
        }
        try (EventBridgeDatabase reopened = EventBridgeDatabase.open(dataDir)) {
            assertThat(new DeliveryJournal(reopened, json).pending()).singleElement().satisfies(pending -> {
                assertThat(pending.id()).isEqualTo(id);
                assertThat(pending.event()).isEqualTo(event);
                assertThat(pending.ruleName()).isEqualTo(rule.name());
                assertThat(pending.target()).isEqualTo(definition);
            });
        }
    }

    @Test
    void a_delivery_just_over_is_sent_again_after_a_crash_and_forgotten_after_its_moment() throws Exception {
        Path dataDir = Files.createTempDirectory("journal-done");
        Instant deliveredAt = Instant.parse("2026-12-02T10:00:01Z");
        String justOver;
        try (EventBridgeDatabase database = EventBridgeDatabase.open(dataDir)) {
            DeliveryJournal journal = new DeliveryJournal(database, json);
            justOver = journal.add(event, rule, target);
            journal.done(justOver, deliveredAt);
            assertThat(journal.pending()).as("not listed as pending").isEmpty();
            // no close: as after a kill -9
        }
        try (EventBridgeDatabase reopened = EventBridgeDatabase.open(dataDir)) {
            DeliveryJournal journal = new DeliveryJournal(reopened, json);
            assertThat(journal.toResume()).as("the queue may not have kept it: sent again")
                    .extracting(DeliveryJournal.Pending::id).containsExactly(justOver);

            String later = journal.add(event, rule, target);
            journal.done(later, deliveredAt.plus(DeliveryJournal.KEPT_AFTER_DONE).plusMillis(1));
            assertThat(journal.toResume()).as("the first is over for longer than its moment: forgotten")
                    .extracting(DeliveryJournal.Pending::id).containsExactly(later);

            journal.forgetDone();
            assertThat(journal.toResume()).as("after a clean stop nothing over is sent again").isEmpty();
        }
    }
}
