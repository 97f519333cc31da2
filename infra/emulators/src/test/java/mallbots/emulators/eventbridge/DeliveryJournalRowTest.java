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

    @Test
    void a_stored_delivery_comes_back_whole_after_the_database_is_opened_again() throws Exception {
        Path dataDir = Files.createTempDirectory("journal-row");
        PublishedEvent event = new PublishedEvent("ev-1", "mallbots", "mallbots.ordering", "OrderCreated",
                "{\"id\":\"ev-1\"}", Instant.parse("2026-12-02T10:00:00Z"), "Root=1-6b103bfd-b42dec2a6e484ef0009d1c42");
        Rule rule = new Rule("NotificationsOrderEventsRule", "mallbots", "arn:aws:events:us-east-1:000000000000:rule/mallbots/N",
                "{\"source\":[\"mallbots.ordering\"]}", null, true, null, null, Instant.EPOCH);
        ObjectNode definition = json.createObjectNode().put("Id", "NotificationsQueue")
                .put("Arn", "arn:aws:sqs:us-east-1:000000000000:mallbots-notifications");
        Target target = new Target("NotificationsQueue", definition.get("Arn").asText(), null, null, 2,
                Duration.ofMinutes(5), null, null, definition);

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
}
