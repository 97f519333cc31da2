package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.emulators.Ports;
import mallbots.emulators.eventbridge.EventBridgeSettings;
import mallbots.local.provision.ProvisioningClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code LocalCloudCommand up --data-dir} killed with SIGKILL ({@code destroyForcibly}): its dynalite ends by
 * itself, and the same command on the same directory starts again, with the data, the queued
 * messages (with their receive counts) and EventBridge's delivery that was waiting for a retry
 * (carried on to its RetryPolicy's end and its dead-letter queue), and nothing done by hand; a
 * second local cloud on a directory in use is refused in one line naming the process that holds it.
 */
class CrashRestartTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Path data = tempDir("mallbots-data");
    private final Path state = tempDir("mallbots-state");

    @Test
    void after_kill_9_dynalite_ends_by_itself_and_up_starts_again_on_the_same_data() throws Exception {
        int port = Ports.free();
        // the first run retries slowly, so that the kill finds the failed delivery waiting for its retry
        LocalCloudProcess first = start(port, data, state, "-D" + EventBridgeSettings.RETRY_BASE_DELAY_PROPERTY + "=60000");
        LocalCloudProcess restarted = null;
        try {
            first.awaitReady(READY_WITHIN);
            String table = recordsTable(port);
            put(port, table, "kept");
            String queueUrl;
            try (ProvisioningClients aws = clients(port)) {
                queueUrl = aws.sqs().createQueue(r -> r.queueName("crash-test")).queueUrl();
                aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody("in flight"));
                // one receive without delete: the receive count survives too
                assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).visibilityTimeout(0)
                        .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages()).hasSize(1);
            }
            // accepted by PutEvents, its first delivery attempt failed (BrokenTarget always throws), a retry is due
            String brokenId;
            try (ProvisioningClients aws = clients(port)) {
                brokenId = aws.events().putEvents(r -> r.entries(e -> e.eventBusName("testbus").source("test.shop")
                        .detailType("Broken").detail("{\"id\":\"kept-across-the-kill\"}"))).entries().getFirst().eventId();
            }
            awaitRetryPending(port, brokenId);

            List<ProcessHandle> dynalite = first.process().descendants()
                    .filter(child -> child.info().commandLine().orElse("").contains("dynalite")).toList();
            assertThat(dynalite).as("dynalite runs as a child").isNotEmpty();

            // ElasticMQ persists each change right after answering the request (its persistence actor):
            // give it that moment, as the crash did (about 1 s after the message was queued)
            Thread.sleep(1000);
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            await("dynalite ends when its JVM is killed").atMost(Duration.ofSeconds(10))
                    .until(() -> dynalite.stream().noneMatch(ProcessHandle::isAlive));

            restarted = start(port, data, state);
            restarted.awaitReady(READY_WITHIN);
            assertThat(get(port, table, "kept")).as("the item written before the kill").isPresent();
            try (ProvisioningClients aws = clients(port)) {
                var messages = aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)
                        .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages();
                assertThat(messages).as("the message queued before the kill").hasSize(1);
                assertThat(messages.getFirst().body()).isEqualTo("in flight");
                assertThat(messages.getFirst().attributesAsStrings().get("ApproximateReceiveCount")).isEqualTo("2");
            }

            // the delivery goes on where it was: its remaining retries fail too, and it is dead-lettered as its RetryPolicy says
            try (ProvisioningClients aws = clients(port)) {
                String dlq = aws.sqs().getQueueUrl(r -> r.queueName("mallbots-broken-dlq")).queueUrl();
                LocalCloudProcess carriedOn = restarted;
                Message deadLetter = await("the delivery pending at the kill, carried on after the restart and dead-lettered")
                        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> aws.sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1).messageAttributeNames("All"))
                                .messages().stream().filter(m -> m.body().contains(brokenId)).findFirst().orElse(null),
                                found -> found != null);
                assertThat(deadLetter).as("output:\n%s", carriedOn.output()).isNotNull();
                assertThat(deadLetter.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("2");
                assertThat(deadLetter.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("downstream unavailable");
            }

            // a second local cloud on the same directory, other ports: refused, saying who holds it
            LocalCloudProcess second = start(Ports.free(), data, tempDir("mallbots-state2"));
            assertThat(second.process().waitFor(90, TimeUnit.SECONDS)).as("refused; output:\n%s", second.output())
                    .isTrue();
            assertThat(second.process().exitValue()).isEqualTo(1);
            assertThat(second.output()).contains("the data directory " + data.toAbsolutePath() + " is in use by process ");
        } finally {
            first.stop();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    /** Waits until the endpoint shows the event's delivery failed once and waiting for its retry. */
    private static void awaitRetryPending(int port, String eventId) {
        URI deliveries = URI.create("http://127.0.0.1:" + port + LocalAwsEndpoint.DELIVERIES_PATH);
        try (HttpClient http = HttpClient.newHttpClient()) {
            await("the delivery of " + eventId + " waiting for a retry").atMost(Duration.ofSeconds(20))
                    .until(() -> new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(deliveries).build(),
                            HttpResponse.BodyHandlers.ofString()).body()).path("deliveries"),
                            pending -> retryPending(pending, eventId));
        }
    }

    private static boolean retryPending(JsonNode deliveries, String eventId) {
        for (JsonNode delivery : deliveries) {
            if (delivery.path("eventId").asText().equals(eventId) && delivery.path("attempt").asInt() == 2) {
                return true;
            }
        }
        return false;
    }

    private static String recordsTable(int port) {
        try (ProvisioningClients aws = clients(port)) {
            DynamoDbClient dynamo = aws.dynamo();
            return dynamo.listTables().tableNames().stream().filter(name -> name.endsWith("-records")).findFirst()
                    .orElseThrow();
        }
    }

    private static void put(int port, String table, String key) {
        try (ProvisioningClients aws = clients(port)) {
            DynamoDbClient dynamo = aws.dynamo();
            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromN("0"))));
        }
    }

    private static java.util.Optional<Map<String, AttributeValue>> get(int port, String table, String key) {
        try (ProvisioningClients aws = clients(port)) {
            DynamoDbClient dynamo = aws.dynamo();
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromN("0")))).item();
            return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(item);
        }
    }

    private static ProvisioningClients clients(int port) {
        return ProvisioningClients.of(URI.create("http://127.0.0.1:" + port), "us-east-1");
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code LocalCloudCommand up} on the test template and the test's directories, in a JVM of its own. */
    private LocalCloudProcess start(int port, Path data, Path state, String... jvmOptions) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return LocalCloudProcess.start(classpath, List.of(jvmOptions), List.of("--port", Integer.toString(port),
                "--api-port", "0", "--console-port", "0", "--template", TemplateReaderTest.TEST_TEMPLATE.toString(),
                "--data-dir", data.toString(), "--state-dir", state.toString()), line -> { });
    }
}
