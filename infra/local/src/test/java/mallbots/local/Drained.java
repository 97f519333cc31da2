package mallbots.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.local.template.Template;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Waits until nothing is in motion in a local cloud: no EventBridge delivery pending (the
 * endpoint's {@value LocalAwsEndpoint#DELIVERIES_PATH}) and no message visible, in flight or
 * delayed in any queue a function of the template consumes, but for the messages a function
 * failed that wait out their visibility timeout for another receive (the cloud's failure
 * records: on a shared cloud, another test's poison message waits minutes, and nothing happens
 * meanwhile). What a test that checks that "nothing else arrives" waits for, instead of a fixed
 * sleep. Quiet twice in a row: a handler publishes before its message is deleted, so one quiet
 * look may fall between a delivery and the receive it leads to.
 */
public final class Drained {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Drained() {
    }

    /** Within 30 s. */
    public static void await(LocalCloud cloud) {
        await(cloud, Duration.ofSeconds(30));
    }

    public static void await(LocalCloud cloud, Duration atMost) {
        Template template = cloud.template();
        Set<String> urls = template.functions().stream().flatMap(function -> function.queueMappings().stream())
                .filter(Template.QueueMapping::enabled)
                .flatMap(mapping -> template.queueByArn(mapping.queueArn()).stream())
                .map(queue -> cloud.clients().sqs().getQueueUrl(r -> r.queueName(queue.name())).queueUrl())
                .collect(Collectors.toSet());
        AtomicInteger quietLooks = new AtomicInteger();
        try {
            Awaitility.await("the local cloud's queues and deliveries drained").atMost(atMost)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).pollInSameThread()
                    .until(() -> {
                        if (!quiet(cloud, urls)) {
                            quietLooks.set(0);
                            return false;
                        }
                        return quietLooks.incrementAndGet() >= 2;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; still in motion: " + inMotion(cloud, urls), e);
        }
    }

    /** What keeps the cloud from being quiet: the queues that are not empty, the deliveries pending. */
    private static String inMotion(LocalCloud cloud, Set<String> queueUrls) {
        StringBuilder found = new StringBuilder();
        for (String url : queueUrls) {
            Map<String, String> counts = counts(cloud, url);
            if (!empty(cloud, url, counts)) {
                found.append(url).append(' ').append(counts).append("; ");
            }
        }
        return found.append(noDeliveryPending(cloud) ? "no delivery pending" : "deliveries pending").toString();
    }

    private static boolean quiet(LocalCloud cloud, Set<String> queueUrls) {
        return queuesEmpty(cloud, queueUrls) && noDeliveryPending(cloud) && queuesEmpty(cloud, queueUrls);
    }

    private static boolean queuesEmpty(LocalCloud cloud, Set<String> queueUrls) {
        return queueUrls.stream().allMatch(url -> empty(cloud, url, counts(cloud, url)));
    }

    /** Messages visible, in flight and delayed. */
    private static Map<String, String> counts(LocalCloud cloud, String url) {
        return cloud.clients().sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributesAsStrings();
    }

    /** Nothing visible or delayed, and nothing in flight but the failed messages waiting for their next receive. */
    private static boolean empty(LocalCloud cloud, String url, Map<String, String> counts) {
        int inFlight = Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE.toString()));
        return counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES.toString()).equals("0")
                && counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED.toString()).equals("0")
                && inFlight <= waitingForAnotherReceive(cloud, url.substring(url.lastIndexOf('/') + 1));
    }

    private static long waitingForAnotherReceive(LocalCloud cloud, String queueName) {
        long now = System.currentTimeMillis();
        return cloud.failures().retrying().stream()
                .filter(failure -> failure.queue().equals(queueName) && failure.visibleAgainAtMillis() > now).count();
    }

    private static boolean noDeliveryPending(LocalCloud cloud) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    cloud.awsEndpoint().resolve(LocalAwsEndpoint.DELIVERIES_PATH)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                return true; // an external endpoint (LocalStack, Floci) does not show its deliveries: the queues tell
            }
            JsonNode deliveries = JSON.readTree(answer.body()).path("deliveries");
            return deliveries.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
