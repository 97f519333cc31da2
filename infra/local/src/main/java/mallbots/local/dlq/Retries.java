package mallbots.local.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.local.lambda.LambdaPayloads;
import mallbots.local.template.Template;

/**
 * What is being retried, for {@code ./mallbots dlq}: queue messages a function failed that wait
 * to be received again (from the host's {@link FailureRecords}: receive count, last reason, when
 * they are visible again, how many more failed receives move them to the queue's dead-letter
 * queue), EventBridge's deliveries not done yet and the events that matched no rule (both from
 * the embedded endpoint, {@link LocalAwsEndpoint#DELIVERIES_PATH} and
 * {@link LocalAwsEndpoint#UNMATCHED_PATH}). {@link #PATH} serves the first as JSON.
 */
public final class Retries {

    /** The queue messages being retried, as JSON. */
    public static final String PATH = "/_mallbots/retries";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** A queue message that failed and waits for another receive. {@code deadLetterQueue} is empty without a redrive. */
    public record QueueRetry(FailureRecords.Failure failure, int maxReceiveCount, Optional<String> deadLetterQueue) {

        /** How many more failed receives before the queue moves it to its dead-letter queue; 0: the next receive does. */
        public int failuresLeft() {
            return Math.max(0, maxReceiveCount - failure.receiveCount());
        }
    }

    private final Template template;
    private final FailureRecords failures;

    public Retries(Template template, FailureRecords failures) {
        this.template = template;
        this.failures = failures;
    }

    /** The messages being retried, leaving out those already in a dead-letter queue ({@code deadLettered} ids). */
    public List<QueueRetry> queueRetries(Set<String> deadLettered) {
        List<QueueRetry> retries = new ArrayList<>();
        for (FailureRecords.Failure failure : failures.retrying()) {
            if (deadLettered.contains(failure.messageId())) {
                continue;
            }
            Optional<Template.Redrive> redrive = template.queueByName(failure.queue()).flatMap(Template.Queue::redrive);
            retries.add(new QueueRetry(failure, redrive.map(Template.Redrive::maxReceiveCount).orElse(0),
                    redrive.map(r -> name(r.deadLetterTargetArn()))));
        }
        return retries;
    }

    /** {@code {"retrying":[{messageId, queue, function, reason, failedAt, receiveCount, maxReceiveCount, visibleAgainAt, deadLetterQueue, failuresLeft}]}} */
    public String view(String query) {
        ObjectNode view = LambdaPayloads.JSON.createObjectNode();
        ArrayNode list = view.putArray("retrying");
        for (QueueRetry retry : queueRetries(Set.of())) {
            FailureRecords.Failure f = retry.failure();
            ObjectNode item = list.addObject().put("messageId", f.messageId()).put("queue", f.queue())
                    .put("function", f.function()).put("reason", f.reason())
                    .put("failedAt", Instant.ofEpochMilli(f.atMillis()).toString()).put("receiveCount", f.receiveCount())
                    .put("visibleAgainAt", Instant.ofEpochMilli(f.visibleAgainAtMillis()).toString());
            if (retry.deadLetterQueue().isPresent()) {
                item.put("maxReceiveCount", retry.maxReceiveCount()).put("deadLetterQueue", retry.deadLetterQueue().get())
                        .put("failuresLeft", retry.failuresLeft());
            }
        }
        return view.toString();
    }

    /** Prints the queue messages being retried, EventBridge's deliveries not done and the unmatched events. */
    public void print(Set<String> deadLettered, URI endpoint, PrintStream out) {
        Instant now = Instant.now();
        List<QueueRetry> retries = queueRetries(deadLettered);
        out.println("being retried: " + retries.size() + " queue message" + (retries.size() == 1 ? "" : "s")
                + " (failed, waiting to be received again)");
        for (QueueRetry retry : retries) {
            FailureRecords.Failure f = retry.failure();
            String visible = f.visibleAgainAtMillis() == 0 ? "" : ", visible again " + at(Instant.ofEpochMilli(f.visibleAgainAtMillis()), now);
            String next = retry.deadLetterQueue().map(dlq -> retry.failuresLeft() == 0
                    ? "; its next receive moves it to " + dlq
                    : "; " + retry.failuresLeft() + " more failed receive" + (retry.failuresLeft() == 1 ? "" : "s")
                    + " move it to " + dlq).orElse("; no dead-letter queue: retried until its retention period ends");
            out.println("  " + f.queue() + "  " + f.messageId() + "  receive " + f.receiveCount()
                    + (retry.maxReceiveCount() > 0 ? " of " + retry.maxReceiveCount() : "") + visible + next);
            out.println("      " + f.function() + " at " + CLOCK.format(Instant.ofEpochMilli(f.atMillis())) + ": " + f.reason());
        }
        Optional<JsonNode> deliveries = get(endpoint, LocalAwsEndpoint.DELIVERIES_PATH);
        Optional<JsonNode> unmatched = get(endpoint, LocalAwsEndpoint.UNMATCHED_PATH);
        if (deliveries.isEmpty() || unmatched.isEmpty()) {
            out.println("EventBridge's deliveries and unmatched events: not known (" + endpoint
                    + " is not the local cloud's own endpoint)");
            return;
        }
        JsonNode pending = deliveries.get().path("deliveries");
        out.println("EventBridge: " + pending.size() + " deliver" + (pending.size() == 1 ? "y" : "ies") + " not done");
        for (JsonNode d : pending) {
            int attempt = d.path("attempt").asInt();
            int attempts = d.path("maximumRetryAttempts").asInt() + 1;
            String then = d.path("deadLetterArn").isTextual()
                    ? "then its dead-letter queue " + name(d.path("deadLetterArn").asText()) : "then dropped (no dead-letter queue)";
            out.println("  " + d.path("eventId").asText() + "  " + d.path("detailType").asText() + " from "
                    + d.path("source").asText() + " on " + d.path("busName").asText() + " -> rule " + d.path("rule").asText()
                    + " -> " + name(d.path("targetArn").asText()) + ": attempt " + attempt + " of " + attempts + " "
                    + at(Instant.parse(d.path("nextAttemptAt").asText()), now) + "; " + then + " after attempt " + attempts
                    + " or " + at(Instant.parse(d.path("expiresAt").asText()), now) + " (MaximumEventAgeInSeconds "
                    + d.path("maximumEventAgeSeconds").asLong() + ")");
            if (d.path("lastError").isTextual()) {
                out.println("      last error: " + d.path("lastError").asText());
            }
        }
        JsonNode counts = unmatched.get().path("unmatched");
        out.println("events that matched no rule: " + unmatched.get().path("total").asLong()
                + " since the local cloud started (dropped, as on AWS, where only the AWS/Events metrics count them)");
        for (JsonNode c : counts) {
            out.println("  " + c.path("count").asLong() + "  " + c.path("detailType").asText() + " from "
                    + c.path("source").asText() + " on " + c.path("busName").asText() + ", last "
                    + CLOCK.format(Instant.parse(c.path("lastAt").asText())) + " (" + c.path("lastEventId").asText() + ")");
        }
    }

    /** "12:00:03 (in 2 s)" or "12:00:03 (5 s ago)". */
    private static String at(Instant time, Instant now) {
        long seconds = Duration.between(now, time).toSeconds();
        return CLOCK.format(time) + (seconds >= 0 ? " (in " + seconds + " s)" : " (" + -seconds + " s ago)");
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** A JSON view of the endpoint, or empty when it has none (an external endpoint). */
    private static Optional<JsonNode> get(URI endpoint, String path) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(LambdaPayloads.tree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
