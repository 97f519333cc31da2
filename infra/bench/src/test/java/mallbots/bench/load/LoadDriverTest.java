package mallbots.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import mallbots.local.LocalCloud;
import mallbots.local.Options;
import mallbots.local.console.FlowConsole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The load driver against the whole system in this JVM (the repository's template.yaml on free
 * ports, as `./mallbots up` runs it): a few orders to completed through the HTTP API, their
 * recorded times in order, and the local cloud's usage counters consistent with what ran.
 * No timing is asserted.
 */
class LoadDriverTest {

    private static final int ORDERS = 3;
    private static LocalCloud cloud;
    private static Path stateDir;

    @BeforeAll
    static void startTheLocalCloud() throws Exception {
        Path template = Path.of("../../template.yaml").toAbsolutePath().normalize();
        stateDir = Files.createTempDirectory("mallbots-bench");
        cloud = LocalCloud.start(Options.parse("up", "--port", "0", "--api-port", "0", "--console-port", "0", "--template",
                template.toString(), "--state-dir", stateDir.toString()),
                new FlowConsole(new PrintStream(PrintStream.nullOutputStream())));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void ordersRunToCompletedAndTheUsageCountersAddUp() {
        LoadOptions options = LoadOptions.parse("--orders", Integer.toString(ORDERS), "--concurrency", "2",
                "--warmup", "0", "--to", "completed", "--api", cloud.httpApi().toString(),
                "--endpoint", cloud.awsEndpoint().toString(), "--timeout-s", "120", "--state-dir", stateDir.toString());

        LoadDriver.Result result = new LoadDriver(options).run();

        assertThat(result.orders()).hasSize(ORDERS);
        assertThat(result.orders()).allSatisfy(order -> {
            assertThat(order.error()).isNull();
            assertThat(order.approved()).isTrue();
            assertThat(order.completed()).isTrue();
            // the order's own times, in the order of its life, after the client's checkout request went out
            assertThat(order.statusTimes()).containsOnlyKeys("pending", "approved", "ready", "completed");
            assertThat(order.status("pending")).isAfterOrEqualTo(order.checkoutSent());
            assertThat(order.status("approved")).isAfterOrEqualTo(order.status("pending"));
            assertThat(order.status("ready")).isAfterOrEqualTo(order.listCompleteSent())
                    .isAfterOrEqualTo(order.status("approved"));
            assertThat(order.status("completed")).isAfterOrEqualTo(order.paySent());
            assertThat(order.reads()).isPositive();
        });
        assertThat(result.approved()).isEqualTo(ORDERS);
        assertThat(result.completed()).isEqualTo(ORDERS);

        Usage start = result.atStart().orElseThrow();
        Usage settled = result.settled().orElseThrow();
        // each order: 4 HTTP calls before it waits, assign, complete, pay, plus every read and the consumers
        assertThat(settled.since(start, "/lambda/invocations")).isGreaterThanOrEqualTo(7 * ORDERS);
        assertThat(settled.perFunctionSince(start, "invocations").get("BasketsApi")).isEqualTo(3.0 * ORDERS);
        assertThat(settled.since(start, "/lambda/gbSeconds")).isPositive();
        assertThat(settled.since(start, "/lambda/cpuMillis")).isPositive();
        // the order's four events at least were published and stored (one write each)
        assertThat(settled.since(start, "/eventBridge/entries")).isGreaterThanOrEqualTo(4 * ORDERS);
        assertThat(settled.since(start, "/eventBridge/billedEvents")).isEqualTo(settled.since(start, "/eventBridge/entries"));
        assertThat(settled.since(start, "/dynamoDb/writeRequestUnits")).isGreaterThanOrEqualTo(4 * ORDERS);
        assertThat(settled.since(start, "/dynamoDb/readRequestUnits")).isPositive();
        // every published entry that a rule routes to a queue is an SQS SendMessage; consumers receive and delete
        assertThat(settled.since(start, "/sqs/byAction/SendMessage")).isGreaterThanOrEqualTo(4 * ORDERS);
        assertThat(settled.since(start, "/sqs/byAction/ReceiveMessage")).isPositive();
        assertThat(settled.since(start, "/sqs/byAction/DeleteMessageBatch")).isPositive();
        assertThat(settled.since(start, "/processes/localCloud/cpuMillis")).isPositive();
        assertThat(settled.since(start, "/processes/dynalite/cpuMillis")).isPositive();
        assertThat(settled.at("/processes/dynalite/pid")).isPositive();
        assertThat(settled.at("/timeMillis")).isGreaterThan(start.at("/timeMillis"));
        assertThat(Instant.ofEpochMilli((long) settled.at("/timeMillis"))).isAfterOrEqualTo(result.ended().minusSeconds(1));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new LoadReport(result, new PrintStream(printed, true, StandardCharsets.UTF_8)).print();
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("approved   3 of 3", "completed  3 of 3", "errors     none",
                "checkout -> approved (order's approved time - checkout sent)", "paid -> completed",
                "local cloud JVM", "dynalite (Node.js)", "EventBridge PutEvents entries", "DynamoDB write request units",
                "total without the bench's",
                "batching windows");
    }
}
