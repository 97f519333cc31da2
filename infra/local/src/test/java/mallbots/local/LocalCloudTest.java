package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import mallbots.emulators.eventbridge.EventBridgeSettings;
import mallbots.local.console.FlowConsole;
import mallbots.local.dlq.DeadLetterQueues;
import mallbots.local.testing.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The local cloud in this JVM, with the test template: messages flow through the real path. */
class LocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();
    private static LocalCloud cloud;
    private static DeadLetterQueues dlqs;
    private static Path state;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty(EventBridgeSettings.RETRY_BASE_DELAY_PROPERTY, "50");
        state = Files.createTempDirectory("mallbots-state");
        PrintStream console = new PrintStream(new Tee(OUTPUT, System.out), true, StandardCharsets.UTF_8);
        cloud = LocalCloud.start(Options.parse("up", "--port", "0", "--api-port", "0", "--console-port", "0",
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString()),
                new FlowConsole(console));
        dlqs = new DeadLetterQueues(cloud.template(), cloud.clients(), cloud.failures());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    private static String put(String detailType, String id) {
        PutEventsResponse response = cloud.clients().events().putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .eventBusName("testbus").source("test.shop").detailType(detailType)
                .detail("{\"id\":\"" + id + "\"}").build()));
        assertThat(response.failedEntryCount()).isZero();
        return response.entries().get(0).eventId();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_message_on_the_bus_reaches_its_consumer_and_only_it() throws Exception {
        String order = unique("order");
        String payment = unique("payment");
        put("OrderPlaced", order);
        put("PaymentMade", payment);

        await("both consumers").atMost(Duration.ofSeconds(15))
                .until(() -> Recorded.by("orders").contains(order) && Recorded.by("payments").contains(payment));
        Drained.await(cloud); // a wrong delivery would have been consumed by now
        assertThat(Recorded.count("orders", order)).isEqualTo(1);
        assertThat(Recorded.count("payments", payment)).isEqualTo(1);
        assertThat(Recorded.by("orders")).doesNotContain(payment);
        assertThat(Recorded.by("payments")).doesNotContain(order);
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8))
                .contains("OrderPlaced from test.shop on testbus -> rule orders-to-orders-queue -> queue mallbots-orders: delivered")
                .containsPattern("mallbots-payments -> PaymentsConsumer: \\d+ messages?, ok");
    }

    @Test
    void a_failing_record_ends_in_the_dead_letter_queue_and_the_rest_of_its_batch_is_processed_once() {
        List<String> good = List.of(unique("good"), unique("good"), unique("good"), unique("good"));
        String poison = unique("poison");
        String url = cloud.clients().sqs().getQueueUrl(r -> r.queueName("mallbots-orders")).queueUrl();
        List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
        for (String id : good) {
            entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody("{\"id\":\"" + id + "\"}").build());
        }
        entries.add(2, SendMessageBatchRequestEntry.builder().id(poison)
                .messageBody("{\"id\":\"" + poison + "\",\"fail\":true}").build());
        cloud.clients().sqs().sendMessageBatch(r -> r.queueUrl(url).entries(entries));

        DeadLetterQueues.DeadLetter dead = await("the poison record in the DLQ").atMost(Duration.ofSeconds(30))
                .until(() -> dlqs.list().stream().filter(l -> l.queue().name().equals("mallbots-orders-dlq"))
                        .flatMap(l -> l.messages().stream()).filter(m -> m.body().contains(poison)).findFirst().orElse(null),
                m -> m != null);

        assertThat(dead.reason()).contains("function OrdersConsumer").contains("poison record " + poison);
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8)).containsPattern("log +OrdersConsumer: .*WARN .*message "
                + dead.messageId() + " failed: poison record " + poison);
        assertThat(Recorded.count("orders", poison)).isEqualTo(3); // maxReceiveCount
        for (String id : good) {
            assertThat(Recorded.count("orders", id)).as(id).isEqualTo(1);
        }
        assertThat(Recorded.by("orders-receives")).contains(poison + "@1", poison + "@2", poison + "@3");

        // Peeking consumed nothing; redrive moves the message back and the consumer sees it again.
        assertThat(dlqs.list().stream().filter(l -> l.queue().name().equals("mallbots-orders-dlq"))
                .flatMap(l -> l.messages().stream()).filter(m -> m.body().contains(poison))).hasSize(1);
        // ./mallbots dlq shows the same, and redrive moves it back.
        String listing = command("dlq", "--endpoint", cloud.awsEndpoint().toString(),
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString());
        assertThat(listing).contains("mallbots-orders-dlq  depth ")
                .contains("redrive of queue mallbots-orders after 3 receives")
                .containsPattern(dead.messageId() + "  function OrdersConsumer on queue mallbots-orders: .*message " + dead.messageId()
                        + " failed: poison record " + poison);
        assertThat(command("dlq", "redrive", "mallbots-orders-dlq", "--endpoint", cloud.awsEndpoint().toString(),
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString()))
                .containsPattern("moved [1-9][0-9]* messages? out of mallbots-orders-dlq");
        await("the redriven record consumed again").atMost(Duration.ofSeconds(15))
                .until(() -> Recorded.count("orders", poison), count -> count > 3);
    }

    @Test
    void mallbots_dlq_shows_a_message_being_retried_and_the_events_that_matched_no_rule() throws Exception {
        String poison = unique("retried");
        String url = cloud.clients().sqs().getQueueUrl(r -> r.queueName("mallbots-orders")).queueUrl();
        String messageId = cloud.clients().sqs().sendMessage(r -> r.queueUrl(url)
                .messageBody("{\"id\":\"" + poison + "\",\"fail\":true}")).messageId();
        cloud.clients().events().putEvents(r -> r.entries(e -> e.eventBusName("testbus").source("mallbots.stores")
                .detailType("StoreDemolished").detail("{}")));

        await("the failed message among the retried ones").atMost(Duration.ofSeconds(15))
                .until(() -> cloud.failures().retrying().stream().anyMatch(f -> f.messageId().equals(messageId)), found -> found);
        String listing = command("dlq", "--endpoint", cloud.awsEndpoint().toString(),
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString());
        assertThat(listing)
                .containsPattern("  mallbots-orders  " + messageId + "  receive [1-3] of 3, visible again [0-9:]+ \\(.*\\); "
                        + "(its next receive moves it|[12] more failed receives? move it) to mallbots-orders-dlq")
                .containsPattern("OrdersConsumer at [0-9:]+: .*poison record " + poison)
                .containsPattern("EventBridge: \\d+ deliver")
                .containsPattern("  [1-9][0-9]*  StoreDemolished from mallbots.stores on testbus, last ");
        JsonNode retries = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                cloud.awsEndpoint().resolve(mallbots.local.dlq.Retries.PATH)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(retries.get("retrying").findValuesAsText("messageId")).contains(messageId);

        // once its queue has moved it to the dead-letter queue it is no longer listed as being retried
        await("the message in the DLQ").atMost(Duration.ofSeconds(30))
                .until(() -> dlqs.list().stream().flatMap(l -> l.messages().stream()).anyMatch(m -> m.messageId().equals(messageId)),
                found -> found);
        assertThat(command("dlq", "--endpoint", cloud.awsEndpoint().toString(),
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString()))
                .doesNotContain("  mallbots-orders  " + messageId + "  receive");
    }

    private static String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LocalCloudCommand.run(System.nanoTime(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err, args);
        assertThat(code).as("exit code of %s", List.of(args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_lambda_target_that_always_throws_ends_in_the_rules_dead_letter_queue_after_its_retries() {
        String id = unique("broken");
        put("Broken", id);

        DeadLetterQueues.DeadLetter dead = await("the event in the rule's DLQ").atMost(Duration.ofSeconds(30))
                .until(() -> dlqs.list().stream().filter(l -> l.queue().name().equals("mallbots-broken-dlq"))
                        .flatMap(l -> l.messages().stream()).filter(m -> m.body().contains(id)).findFirst().orElse(null),
                m -> m != null);

        assertThat(Recorded.count("always-fails", id)).isEqualTo(3); // the first attempt and MaximumRetryAttempts 2
        assertThat(dead.attributes()).containsEntry("TARGET_ARN", "arn:aws:lambda:us-east-1:000000000000:function:BrokenTarget");
        assertThat(dead.reason()).contains("downstream unavailable for " + id);
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8)).contains("Broken from test.shop on testbus -> rule BrokenTargetBroken"
                + " -> function BrokenTarget: gave up after 3 attempts");
    }

    @Test
    void an_invalid_put_events_entry_comes_back_with_the_aws_error_code() {
        PutEventsResponse response = cloud.clients().events().putEvents(r -> r.entries(
                PutEventsRequestEntry.builder().eventBusName("testbus").source("test.shop").detailType("OrderPlaced")
                        .detail("{\"id\":\"" + unique("fine") + "\"}").build(),
                PutEventsRequestEntry.builder().eventBusName("testbus").source("test.shop").detailType("OrderPlaced")
                        .detail("not json").build()));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
    }

    @Test
    void an_http_request_reaches_its_function_and_the_response_comes_back() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI api = cloud.httpApi();

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(api.resolve("/items/42?color=red&color=blue&size=L")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("x-echo")).contains("yes");
        JsonNode echo = JSON.readTree(get.body());
        assertThat(echo.path("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(echo.path("pathParameters").path("id").asText()).isEqualTo("42");
        assertThat(echo.path("rawQueryString").asText()).isEqualTo("color=red&color=blue&size=L");
        assertThat(echo.path("queryStringParameters").path("color").asText()).isEqualTo("red,blue");
        assertThat(echo.path("stage").asText()).isEqualTo("$default");
        assertThat(echo.path("greeting").asText()).isEqualTo("hello");
        assertThat(echo.path("endpoint").asText()).isEqualTo(cloud.awsEndpoint().toString());
        assertThat(echo.path("function").asText()).isEqualTo("ItemsApi");
        assertThat(echo.path("remainingPositive").asBoolean()).isTrue();
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8)).contains("ItemsApi: echoing /items/42");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(api.resolve("/items"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"robot\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(post.body()).path("body").asText()).isEqualTo("{\"name\":\"robot\"}");
        assertThat(JSON.readTree(post.body()).path("contentType").asText()).isEqualTo("application/json");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(api.resolve("/nothing/here")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\"}");
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(api.resolve("/items/42")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        // the path has routes, not for DELETE: 405 naming the methods it has
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).isPresent();
        assertThat(wrongMethod.body()).isEqualTo("{\"message\":\"Method Not Allowed\"}");
    }

    @Test
    void a_schedule_target_gets_the_scheduled_event_as_a_stream() throws Exception {
        String event = "{\"version\":\"0\",\"id\":\"" + unique("tick") + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"2026-11-27T08:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:events:us-east-1:000000000000:rule/TickerTick\"],\"detail\":{}}";
        cloud.host().invoke("arn:aws:lambda:us-east-1:000000000000:function:Ticker:live", event);

        assertThat(Recorded.by("ticker")).contains(event);
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8)).contains("schedule TickerTick -> Ticker: ok");
    }

    @Test
    void tables_and_schedule_rules_are_provisioned() {
        var table = cloud.clients().dynamo().describeTable(r -> r.tableName("mallbots-records")).table();
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> assertThat(gsi.indexName()).isEqualTo("outbox"));
        var tick = cloud.clients().events().describeRule(r -> r.name("TickerTick"));
        assertThat(tick.scheduleExpression()).isEqualTo("rate(1 minute)");
    }

    /** Keeps the console for assertions and still shows it in the test's output. */
    private static final class Tee extends OutputStream {
        private final OutputStream kept;
        private final OutputStream shown;

        Tee(OutputStream kept, OutputStream shown) {
            this.kept = kept;
            this.shown = shown;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            kept.write(b);
            shown.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            kept.write(b, off, len);
            shown.write(b, off, len);
        }
    }
}
