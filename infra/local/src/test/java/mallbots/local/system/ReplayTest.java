package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mallbots.local.Drained;
import mallbots.local.TestAccess;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mallbots replay} of a whole order's events from the bus archive: every event comes
 * again with {@code replay-name}, every consumer takes it as the repeat it is: the order, its
 * list and its invoice stay as they were, no notification or invoice is made twice, and nothing
 * new is published (a reply sent again carries the message id it had the first time).
 */
class ReplayTest {

    private static SystemCloud system;
    private static String everything;

    @BeforeAll
    static void start() {
        // the archive and StartReplay are our EventBridge's; LocalStack's community image has no replay
        Assumptions.assumeTrue(SystemEndpoint.embedded(), "runs on the local cloud's own endpoint only");
        system = SystemCloud.shared();
        everything = system.watch("test-replayed", "{\"source\":[{\"prefix\":\"mallbots.\"}]}");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.unwatch("test-replayed");
        }
    }

    @Test
    void replaying_an_order_s_events_changes_nothing() throws Exception {
        Mall mall = new Mall(system);
        Instant from = Instant.now().minusSeconds(1);
        Product nut = mall.storeWithProduct("Nut", "0.50");
        String customer = mall.customer("Grace");
        String order = mall.checkOut(customer, mall.payment(customer, "10.00"), Map.of(nut, 6));
        JsonNode completed = mall.completeOrder(order);
        String list = completed.path("shoppingId").asText();
        List<String> notifications = mall.notificationsOnceThereAre(customer, 3);
        Drained.await(system.local()); // the last messages land
        Set<String> published = new HashSet<>();
        drain(published, new ArrayList<>());
        Instant to = Instant.now();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TestAccess.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "replay", "--from", from.toString(),
                "--to", to.toString(), "--endpoint", system.local().awsEndpoint().toString(),
                "--template", RepositoryTemplate.TEMPLATE.toString(),
                "--state-dir", Files.createTempDirectory("mallbots-replay").toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).containsPattern("replay mallbots-replay-\\d+: COMPLETED \\(Replay completed: [1-9]\\d* events? replayed");

        Drained.await(system.local()); // the replayed events reach every consumer, and whatever they did in return lands
        List<JsonNode> after = new ArrayList<>();
        drain(new HashSet<>(), after);
        assertThat(after).as("the replayed events, on the watching rule too").isNotEmpty()
                .anySatisfy(event -> assertThat(event.path("replay-name").asText()).startsWith("mallbots-replay-"));
        for (JsonNode event : after) {
            if (!event.has("replay-name")) {
                assertThat(published).as("a message published again in answer to a replay keeps its id: %s", event)
                        .contains(event.path("detail").path("metadata").path("messageId").asText());
            }
        }
        assertThat(mall.order(order)).isEqualTo(completed);
        assertThat(mall.shoppingList(list).path("status").asText()).isEqualTo("completed");
        assertThat(mall.invoiceBecomes(order, "paid").path("amount").asText()).isEqualTo("3.00");
        assertThat(mall.notificationsOnceThereAre(customer, 3)).as("no notification twice").isEqualTo(notifications);
    }

    /** Takes every event on the watching queue, adding their message ids and the events to the given collections. */
    private static void drain(Set<String> messageIds, List<JsonNode> events) {
        for (List<JsonNode> batch = system.receive(everything); !batch.isEmpty(); batch = system.receive(everything)) {
            for (JsonNode event : batch) {
                messageIds.add(event.path("detail").path("metadata").path("messageId").asText());
                events.add(event);
            }
        }
    }
}
