package mallbots.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mallbots.emulators.LocalAwsEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * With a data directory, a delivery EventBridge is retrying is kept: the endpoint stops while a
 * Lambda target fails, a new one on the same directory carries on with the same attempt count
 * and delivers it. The delivery is visible at {@link LocalAwsEndpoint#DELIVERIES_PATH} meanwhile.
 * (CrashRestartTest of the local cloud does the same across a kill -9.)
 */
class DeliveryJournalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:flaky";

    @Test
    void a_delivery_being_retried_outlives_the_endpoint_and_is_delivered_by_the_next_one() throws Exception {
        Path data = Files.createTempDirectory("eventbridge-data");
        EventBridgeSettings slowRetries = EventBridgeSettings.defaults("us-east-1").withRetryBaseDelay(Duration.ofSeconds(2));
        String eventId;
        try (LocalAwsEndpoint first = LocalAwsEndpoint.start(0, data, slowRetries);
             EventBridgeClient events = client(first.uri())) {
            first.setLambdaInvoker((arn, event) -> {
                throw new IllegalStateException("flaky is down");
            });
            events.putRule(r -> r.name("to-flaky").eventPattern("{\"source\":[\"mallbots.test\"]}"));
            events.putTargets(t -> t.rule("to-flaky").targets(x -> x.id("flaky").arn(FUNCTION)));
            eventId = events.putEvents(p -> p.entries(e -> e.source("mallbots.test").detailType("Kept").detail("{}")))
                    .entries().getFirst().eventId();

            JsonNode retrying = awaitDelivery(first.uri(), eventId, 2);
            assertThat(retrying.get("lastError").asText()).contains("flaky is down");
            assertThat(retrying.get("targetArn").asText()).isEqualTo(FUNCTION);
            assertThat(retrying.get("maximumRetryAttempts").asInt()).isEqualTo(185);
        }

        List<String> delivered = new CopyOnWriteArrayList<>();
        try (LocalAwsEndpoint second = LocalAwsEndpoint.start(0, data, slowRetries.withRetryBaseDelay(Duration.ofMillis(20)))) {
            List<Delivery> attempts = new CopyOnWriteArrayList<>();
            second.addDeliveryListener(attempts::add);
            second.setLambdaInvoker((arn, event) -> delivered.add(JSON.readTree(event).get("id").asText()));
            assertThat(second.resumeDeliveries()).isEqualTo(1);
            await("the event delivered").atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
            assertThat(delivered).as("the event the first endpoint could not deliver").containsExactly(eventId);
            assertThat(attempts).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(Delivery.Result.DELIVERED);
                assertThat(a.attempt()).as("the attempt count goes on").isGreaterThanOrEqualTo(2);
            });
            assertThat(deliveries(second.uri()).get("deliveries")).as("nothing left to deliver").isEmpty();
        }
    }

    /** Waits until the delivery of the event shows at least {@code attempt} attempts. */
    private static JsonNode awaitDelivery(URI endpoint, String eventId, int attempt) {
        return await("a delivery of " + eventId + " at attempt " + attempt).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> delivery(endpoint, eventId),
                        delivery -> delivery != null && delivery.get("attempt").asInt() >= attempt);
    }

    private static JsonNode delivery(URI endpoint, String eventId) throws Exception {
        for (JsonNode delivery : deliveries(endpoint).get("deliveries")) {
            if (delivery.get("eventId").asText().equals(eventId)) {
                return delivery;
            }
        }
        return null;
    }

    static JsonNode deliveries(URI endpoint) throws Exception {
        return get(endpoint, LocalAwsEndpoint.DELIVERIES_PATH);
    }

    static JsonNode get(URI endpoint, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return JSON.readTree(http.send(HttpRequest.newBuilder(endpoint.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    static EventBridgeClient client(URI endpoint) {
        return EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
