package mallbots.local.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.local.LocalCloud;
import mallbots.local.Options;
import mallbots.local.console.FlowConsole;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole system as `./mallbots up` runs it (the repository's template.yaml, every context),
 * on free ports. Tests drive it through the HTTP API and the AWS SDK only. One shared instance
 * per test JVM; a test that needs other settings starts its own.
 */
final class SystemCloud implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SystemCloud shared;

    private final LocalCloud cloud;

    private SystemCloud(LocalCloud cloud) {
        this.cloud = cloud;
    }

    static synchronized SystemCloud shared() {
        if (shared == null) {
            shared = start(1);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "system-cloud-stop"));
        }
        return shared;
    }

    /**
     * A system of its own whose EventBridge delivers every event this many times to each target;
     * on the endpoint {@link SystemEndpoint#configured()} names, if any.
     */
    static SystemCloud start(int deliveriesPerEvent) {
        return start(deliveriesPerEvent, SystemEndpoint.configured());
    }

    /** A system of its own on an external AWS-compatible endpoint (LocalStack, Floci). */
    static SystemCloud on(URI endpoint) {
        return start(1, Optional.of(endpoint));
    }

    private static SystemCloud start(int deliveriesPerEvent, Optional<URI> endpoint) {
        String property = mallbots.emulators.eventbridge.EventBridgeSettings.DELIVERIES_PER_EVENT_PROPERTY;
        synchronized (SystemCloud.class) {
            System.setProperty(property, Integer.toString(deliveriesPerEvent));
            try {
                List<String> args = new ArrayList<>(List.of("up", "--port", "0", "--api-port", "0",
                        "--template", RepositoryTemplate.TEMPLATE.toString(),
                        "--state-dir", Files.createTempDirectory("mallbots-system").toString()));
                endpoint.ifPresent(uri -> args.addAll(List.of("--endpoint", uri.toString())));
                return new SystemCloud(LocalCloud.start(Options.parse(args.toArray(String[]::new)),
                        new FlowConsole(System.out)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                System.clearProperty(property);
            }
        }
    }

    LocalCloud local() {
        return cloud;
    }

    @Override
    public void close() {
        cloud.close();
    }

    /** An HTTP answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body) {

        String id() {
            return body.path("id").asText();
        }

        String message() {
            return body == null ? null : body.path("message").asText();
        }
    }

    Answer call(String method, String path, String jsonBody) {
        URI uri = cloud.httpApi().resolve(path);
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").method(method, body).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A queue that receives every event of the bus matching the pattern, through a rule of its
     * own: how a test watches the bus without touching any context's queue.
     */
    String watch(String name, String eventPatternJson) {
        LocalCloud local = cloud;
        String queueUrl = local.clients().sqs().createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = local.clients().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        local.clients().events().putRule(r -> r.name(name).eventBusName("mallbots").eventPattern(eventPatternJson));
        local.clients().events().putTargets(r -> r.rule(name).eventBusName("mallbots")
                .targets(t -> t.id("watch").arn(queueArn)));
        return queueUrl;
    }

    List<JsonNode> receive(String queueUrl) {
        List<Message> messages = cloud.clients().sqs()
                .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        return messages.stream().map(message -> {
            try {
                return JSON.readTree(message.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
