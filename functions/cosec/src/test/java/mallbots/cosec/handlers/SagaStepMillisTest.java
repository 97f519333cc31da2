package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mallbots.messages.ordering.OrderCreated;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaDeadlines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The latency of each saga step, through the real path (the events function on a real queue and
 * table, on a clock the test moves): the saga item records when its step began, and each reply
 * the saga takes writes {@code SagaStepMillis} in EMF, with the step's action as dimension.
 */
class SagaStepMillisTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final CosecTestbed testbed = new CosecTestbed(new SagaDeadlines(Duration.ofSeconds(120), 2, clock));
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
    }

    /** step -> the SagaStepMillis values written, in order. */
    private Map<String, List<Double>> stepMillis() {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("{") || !line.contains("SagaStepMillis")) {
                continue;
            }
            JsonNode emf = CosecTestbed.json(line);
            JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("MallBots");
            assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Milliseconds");
            List<String> dimensions = new ArrayList<>();
            directive.path("Dimensions").get(0).forEach(d -> dimensions.add(d.asText()));
            assertThat(dimensions).containsExactlyInAnyOrder("service", "step");
            values.computeIfAbsent(emf.path("step").asText(), k -> new ArrayList<>()).add(emf.path("SagaStepMillis").asDouble());
        }
        return values;
    }

    @Test
    void each_reply_writes_how_long_after_its_step_began_it_came() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        Instant start = clock.instant();
        testbed.deliver(created);
        assertThat(testbed.saga(orderId).stepStartedAt()).isEqualTo(start);
        String listId = CosecTestbed.id();

        // step 2 sends three commands together: each reply is timed from the step's start
        clock.move(Duration.ofMillis(250));
        testbed.deliver(Participants.succeed(testbed.command(orderId, "AuthorizeCustomer"), null));
        clock.move(Duration.ofMillis(500));
        testbed.deliver(Participants.succeed(testbed.command(orderId, "CreateShoppingList"), listId));
        assertThat(testbed.saga(orderId).stepStartedAt()).as("a step in progress keeps its start").isEqualTo(start);
        clock.move(Duration.ofMillis(250));
        testbed.deliver(Participants.succeed(testbed.command(orderId, "ConfirmPayment"), null));
        // the saga moved to InitiateShopping: a new step, a new start, on the item
        assertThat(testbed.saga(orderId).step()).isEqualTo(3);
        assertThat(testbed.saga(orderId).stepStartedAt()).isEqualTo(start.plusMillis(1000));
        clock.move(Duration.ofMillis(2000));
        testbed.deliver(Participants.succeed(testbed.command(orderId, "InitiateShopping"), null));
        clock.move(Duration.ofMillis(100));
        Message<?> approved = Participants.succeed(testbed.command(orderId, "ApproveOrder"), null);
        testbed.deliver(approved);
        assertThat(testbed.saga(orderId).completed()).isTrue();
        assertThat(testbed.saga(orderId).stepStartedAt()).as("a done saga runs no step").isNull();

        // a copy of a reply, and a reply to a done saga, took nothing: they write nothing
        testbed.deliver(approved);

        assertThat(stepMillis()).containsExactly(
                Map.entry("AuthorizeCustomer", List.of(250.0)),
                Map.entry("CreateShoppingList", List.of(750.0)),
                Map.entry("ConfirmPayment", List.of(1000.0)),
                Map.entry("InitiateShopping", List.of(2000.0)),
                Map.entry("ApproveOrder", List.of(100.0)));
    }

    @Test
    void a_refusal_is_timed_too_and_a_resent_step_keeps_its_first_start() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);

        clock.move(Duration.ofMillis(300));
        testbed.deliver(Participants.fail(testbed.command(orderId, "AuthorizeCustomer"), "customer is disabled"));
        clock.move(Duration.ofSeconds(130));
        // the deadline passed: the unanswered commands go out again, the step's start stays
        assertThat(testbed.module.sagas().onDeadline(orderId)).isPresent();
        testbed.deliver(Participants.succeed(testbed.command(orderId, "CreateShoppingList"), CosecTestbed.id()),
                Participants.succeed(testbed.command(orderId, "ConfirmPayment"), null));

        assertThat(testbed.saga(orderId).compensating()).isTrue();
        assertThat(stepMillis()).containsOnly(
                Map.entry("AuthorizeCustomer", List.of(300.0)),
                Map.entry("CreateShoppingList", List.of(130_300.0)),
                Map.entry("ConfirmPayment", List.of(130_300.0)));
    }
}
