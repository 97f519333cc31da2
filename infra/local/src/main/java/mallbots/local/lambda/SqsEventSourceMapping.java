package mallbots.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mallbots.local.console.FlowConsole;
import mallbots.local.dlq.FailureRecords;
import mallbots.local.observe.HandledMessage;
import mallbots.local.observe.LogLine;
import mallbots.local.template.Template;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, played locally: long-polls the queue, gathers up to
 * BatchSize messages within MaximumBatchingWindowInSeconds, invokes the function, and deletes
 * what succeeded. With ReportBatchItemFailures only the reported records stay; without it an
 * error leaves the whole batch. What stays reappears after the queue's visibility timeout with
 * a higher receive count, and the queue's own RedrivePolicy moves it to the dead-letter queue
 * after maxReceiveCount receives, exactly as on AWS. Each failure's reason is recorded per
 * message id for {@code ./mallbots dlq}.
 *
 * <p>Like Lambda's pollers, several batches of one queue are in flight at once: as many as the
 * template's ScalingConfig.MaximumConcurrency, at most {@value #MAX_POLLERS}, else
 * {@value #DEFAULT_POLLERS}. One at a time, a busy queue would queue its messages behind each
 * batch's round trips to DynamoDB; the handlers are written for concurrent batches anyway.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    /** How long an idle poll waits: short enough that stopping is quick. */
    private static final int IDLE_WAIT_SECONDS = 2;

    /** Concurrent batches without ScalingConfig: enough to overlap one batch's I/O with another's work. */
    static final int DEFAULT_POLLERS = 3;

    /** Lambda starts an SQS mapping with five pollers; more would only contend for this machine's cores. */
    static final int MAX_POLLERS = 5;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Template.Queue queue;
    private final Template.QueueMapping mapping;
    private final HostedFunction function;
    private final FlowConsole console;
    private final FailureRecords failures;
    private final String region;
    private volatile boolean running = true;
    private final List<Thread> pollers = new ArrayList<>();

    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, Template.Queue queue, Template.QueueMapping mapping,
                                 HostedFunction function, FlowConsole console, FailureRecords failures, String region) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queue = queue;
        this.mapping = mapping;
        this.function = function;
        this.console = console;
        this.failures = failures;
        this.region = region;
        for (int i = 0; i < pollers(mapping); i++) {
            pollers.add(Thread.ofPlatform().daemon().name("esm-" + queue.name() + "-" + function.name() + "-" + i)
                    .unstarted(this::run));
        }
    }

    /** How many batches of the mapping are handled at once. */
    public static int pollers(Template.QueueMapping mapping) {
        return mapping.maximumConcurrency() > 0 ? Math.min(MAX_POLLERS, mapping.maximumConcurrency()) : DEFAULT_POLLERS;
    }

    public void start() {
        pollers.forEach(Thread::start);
    }

    private void run() {
        while (running) {
            try {
                List<Message> batch = gather();
                if (!batch.isEmpty()) {
                    handle(batch);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                console.warn("polling " + queue.name() + " for " + function.name() + " failed: " + e.getMessage());
                sleep(1000);
            }
        }
    }

    /** Up to BatchSize messages: the first receive long-polls, then the batching window fills the batch. */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long windowEnd = 0;
        while (running && batch.size() < mapping.batchSize()) {
            int wait;
            boolean lastReceive = false;
            if (batch.isEmpty()) {
                wait = IDLE_WAIT_SECONDS;
            } else {
                long remaining = windowEnd - System.currentTimeMillis();
                if (remaining <= 0) {
                    break;
                }
                // A long poll waits whole seconds: under one second left, wait out the window, then
                // take what came in one short poll, rather than overshoot it or poll it empty.
                wait = (int) Math.min(20, remaining / 1000);
                if (wait == 0) {
                    sleep(remaining);
                    lastReceive = true;
                }
            }
            int max = Math.min(10, mapping.batchSize() - batch.size());
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                    .waitTimeSeconds(wait).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            for (Message message : received) {
                if (seen.add(message.messageId())) {
                    batch.add(message);
                } else {
                    // Seen again within the window (its visibility ran out): only the newest receipt deletes it.
                    batch.replaceAll(m -> m.messageId().equals(message.messageId()) ? message : m);
                }
            }
            if (batch.isEmpty()) {
                if (!received.isEmpty()) {
                    continue;
                }
                return batch;
            }
            if (lastReceive) {
                break;
            }
            if (windowEnd == 0) {
                if (mapping.maximumBatchingWindowSeconds() == 0) {
                    break;
                }
                windowEnd = System.currentTimeMillis() + mapping.maximumBatchingWindowSeconds() * 1000L;
            }
        }
        return batch;
    }

    private void handle(List<Message> batch) {
        HostedFunction.Invocation invocation = function.invoke(event(batch));
        Set<String> failed = new LinkedHashSet<>();
        Map<String, String> reasons = new HashMap<>();
        String outcome;
        if (invocation.failed()) {
            batch.forEach(m -> failed.add(m.messageId()));
            outcome = "failed (" + invocation.errorText() + "), the whole batch stays";
            for (Message message : batch) {
                reasons.put(message.messageId(), invocation.errorText());
            }
        } else {
            Optional<Set<String>> reported = mapping.reportBatchItemFailures()
                    ? reportedFailures(invocation.output(), batch) : Optional.of(Set.of());
            if (reported.isEmpty()) {
                batch.forEach(m -> failed.add(m.messageId()));
                outcome = "invalid batchItemFailures response, the whole batch stays";
                batch.forEach(m -> reasons.put(m.messageId(), "invalid batchItemFailures response: " + invocation.output()));
            } else {
                failed.addAll(reported.get());
                for (String id : failed) {
                    String logged = invocation.log().lastMentioning(id);
                    reasons.put(id, logged != null
                            ? LogLine.of(function.name(), logged, 0).readable()
                            : "reported as a batch item failure by " + function.name());
                }
                outcome = failed.isEmpty() ? "ok" : (batch.size() - failed.size()) + " done, " + failed.size()
                        + " failed " + describe(batch, failed) + ", they stay for a retry";
            }
        }
        long startedAt = System.currentTimeMillis() - invocation.elapsed().toMillis();
        // a failed message is received again when the visibility timeout of its receive (about the invocation's start) ends
        long visibleAgainAt = startedAt + 1000L * Integer.parseInt(queue.attributes().getOrDefault("VisibilityTimeout", "30"));
        for (Message message : batch) {
            String reason = reasons.get(message.messageId());
            String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            if (reason != null) {
                failures.record(message.messageId(), queue.name(), function.name(), reason,
                        count == null ? 1 : Integer.parseInt(count), visibleAgainAt);
            } else {
                failures.handled(message.messageId(), queue.name(), function.name());
            }
            console.handled(new HandledMessage(startedAt, invocation.elapsed().toMillis(), function.name(), queue.name(),
                    invocation.requestId(), batch.size(), message.body(), count == null ? 1 : Integer.parseInt(count),
                    queue.redrive().map(Template.Redrive::maxReceiveCount).orElse(0),
                    queue.redrive().map(r -> r.deadLetterTargetArn().substring(r.deadLetterTargetArn().lastIndexOf(':') + 1))
                            .orElse(null),
                    reason != null, reason));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        for (int i = 0; i < done.size(); i += 10) {
            List<DeleteMessageBatchRequestEntry> chunk = done.subList(i, Math.min(done.size(), i + 10));
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
        }
        console.batch(queue.name(), function.name(), batch.size(), outcome, invocation.elapsed());
    }

    /** "[id (receive 2 of 5)]": the receive count tells how close a message is to its dead-letter queue. */
    private String describe(List<Message> batch, Set<String> failed) {
        List<String> parts = new ArrayList<>();
        for (Message message : batch) {
            if (failed.contains(message.messageId())) {
                String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
                String limit = queue.redrive().map(r -> " of " + r.maxReceiveCount()
                        + (count != null && Integer.parseInt(count) >= r.maxReceiveCount()
                        ? ", next receive moves it to " + r.deadLetterTargetArn().substring(r.deadLetterTargetArn().lastIndexOf(':') + 1)
                        : "")).orElse("");
                parts.add(message.messageId() + " (receive " + count + limit + ")");
            }
        }
        return parts.toString();
    }

    /** The ids the function reported; empty when the response is not a valid partial batch response. */
    private static Optional<Set<String>> reportedFailures(String output, List<Message> batch) {
        if (output == null) {
            return Optional.of(Set.of());
        }
        JsonNode response = LambdaPayloads.tree(output);
        JsonNode items = response.path("batchItemFailures");
        if (items.isMissingNode() || items.isNull()) {
            return Optional.of(Set.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> inBatch = new HashSet<>();
        batch.forEach(m -> inBatch.add(m.messageId()));
        for (JsonNode item : items) {
            String id = item.path("itemIdentifier").asText("");
            if (!inBatch.contains(id)) {
                return Optional.empty(); // Lambda treats an unknown or blank identifier as a failed batch
            }
            ids.add(id);
        }
        return Optional.of(ids);
    }

    private String event(List<Message> batch) {
        ObjectNode event = LambdaPayloads.JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queue.arn());
            record.put("awsRegion", region);
        }
        return event.toString();
    }

    /** Asks the poller to stop after its current poll; {@link #close()} waits for it. */
    public void stop() {
        running = false;
    }

    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(IDLE_WAIT_SECONDS + 3).toNanos();
        try {
            for (Thread poller : pollers) {
                poller.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
