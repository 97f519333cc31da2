package mallbots.local.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.local.lambda.LambdaPayloads;
import mallbots.local.provision.ProvisioningClients;
import mallbots.local.template.Template;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The dead-letter queues of the template: those a queue's RedrivePolicy points at (messages a
 * consumer function failed maxReceiveCount times) and those a rule target's DeadLetterConfig
 * points at (events EventBridge could not deliver). Lists them with each message's reason
 * without consuming anything, and moves messages back where they came from.
 */
public final class DeadLetterQueues {

    /** Why a DLQ exists: the queue whose redrive fills it, or the rule targets that dead-letter to it. */
    public record Source(String kind, String description, Optional<Template.Queue> sourceQueue) {
    }

    public record DeadLetter(String messageId, String reason, String body, Map<String, String> attributes) {
    }

    public record Listing(Template.Queue queue, List<Source> sources, int depth, List<DeadLetter> messages) {
    }

    /** Messages are hidden this long while they are peeked, then made visible again at once. */
    private static final int PEEK_VISIBILITY_SECONDS = 30;

    private final Template template;
    private final ProvisioningClients aws;
    private final FailureRecords failures;

    public DeadLetterQueues(Template template, ProvisioningClients aws, FailureRecords failures) {
        this.template = template;
        this.aws = aws;
        this.failures = failures;
    }

    /** Every dead-letter queue of the template with its sources. */
    public Map<Template.Queue, List<Source>> queues() {
        Map<Template.Queue, List<Source>> dlqs = new LinkedHashMap<>();
        for (Template.Queue queue : template.queues()) {
            queue.redrive().ifPresent(r -> template.queueByArn(r.deadLetterTargetArn()).ifPresent(dlq ->
                    dlqs.computeIfAbsent(dlq, k -> new ArrayList<>()).add(new Source("sqs",
                            "redrive of queue " + queue.name() + " after " + r.maxReceiveCount() + " receives", Optional.of(queue)))));
        }
        for (Template.Rule rule : template.rules()) {
            for (Template.Target target : rule.targets()) {
                target.deadLetterArn().flatMap(template::queueByArn).ifPresent(dlq ->
                        dlqs.computeIfAbsent(dlq, k -> new ArrayList<>()).add(new Source("eventbridge",
                                "rule " + rule.name() + " target " + target.id(), Optional.empty())));
            }
        }
        return dlqs;
    }

    public List<Listing> list() {
        Map<String, FailureRecords.Failure> recorded = failures.lastByMessageId();
        List<Listing> listings = new ArrayList<>();
        queues().forEach((queue, sources) -> {
            String url = url(queue);
            Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributesAsStrings();
            int depth = Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessages", "0"));
            List<DeadLetter> messages = new ArrayList<>();
            for (Message message : peek(url)) {
                Map<String, String> values = new LinkedHashMap<>();
                message.messageAttributes().forEach((k, v) -> values.put(k, v.stringValue()));
                messages.add(new DeadLetter(message.messageId(), reason(message, values, recorded), message.body(), values));
            }
            listings.add(new Listing(queue, sources, depth, messages));
        });
        return listings;
    }

    /** EventBridge says why in the message's attributes; for a redriven message the host's record does. */
    private static String reason(Message message, Map<String, String> attributes, Map<String, FailureRecords.Failure> recorded) {
        if (attributes.containsKey("ERROR_CODE")) {
            return attributes.get("ERROR_CODE") + ": " + attributes.getOrDefault("ERROR_MESSAGE", "")
                    + " (rule " + attributes.getOrDefault("RULE_ARN", "?") + ", target " + attributes.getOrDefault("TARGET_ARN", "?")
                    + ", retries " + attributes.getOrDefault("RETRY_ATTEMPTS", "?") + ")";
        }
        FailureRecords.Failure failure = recorded.get(message.messageId());
        if (failure != null) {
            return "function " + failure.function() + " on queue " + failure.queue() + ": " + failure.reason();
        }
        return "no reason recorded (the host saw no failure for this message id)";
    }

    /** Receives everything, then makes it visible again: nothing is consumed. */
    private List<Message> peek(String url) {
        List<Message> seen = new ArrayList<>();
        try {
            while (true) {
                List<Message> batch = aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .visibilityTimeout(PEEK_VISIBILITY_SECONDS).waitTimeSeconds(0).messageAttributeNames("All")).messages();
                if (batch.isEmpty()) {
                    break;
                }
                seen.addAll(batch);
            }
        } finally {
            for (int i = 0; i < seen.size(); i += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (Message m : seen.subList(i, Math.min(seen.size(), i + 10))) {
                    entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                            .receiptHandle(m.receiptHandle()).visibilityTimeout(0).build());
                }
                aws.sqs().changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(entries));
            }
        }
        return seen;
    }

    /**
     * Moves every message of the dead-letter queue back: to the source queue of an SQS redrive,
     * to the queue target of an EventBridge rule, or (a function target) onto its bus again
     * with PutEvents, where every matching rule receives it once more. Returns how many moved.
     */
    public int redrive(String queueName) {
        Template.Queue dlq = template.queueByName(queueName).orElseThrow(() ->
                new IllegalArgumentException("no queue " + queueName + " in the template"));
        List<Source> sources = queues().get(dlq);
        if (sources == null) {
            throw new IllegalArgumentException(queueName + " is not a dead-letter queue of the template (dead-letter queues: "
                    + queues().keySet().stream().map(Template.Queue::name).toList() + ")");
        }
        List<Template.Queue> sourceQueues = sources.stream().flatMap(s -> s.sourceQueue().stream()).distinct().toList();
        if (sourceQueues.size() > 1) {
            throw new IllegalArgumentException(queueName + " is the dead-letter queue of several queues " +
                    sourceQueues.stream().map(Template.Queue::name).toList() + ": cannot tell where each message came from");
        }
        String url = url(dlq);
        int moved = 0;
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(PEEK_VISIBILITY_SECONDS).waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return moved;
            }
            for (Message message : batch) {
                moveBack(message, sourceQueues);
                aws.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }

    private void moveBack(Message message, List<Template.Queue> sourceQueues) {
        MessageAttributeValue target = message.messageAttributes().get("TARGET_ARN");
        if (target == null) {
            if (sourceQueues.isEmpty()) {
                throw new IllegalStateException("message " + message.messageId() + " has no TARGET_ARN and the queue no source");
            }
            Map<String, MessageAttributeValue> attributes = message.messageAttributes();
            aws.sqs().sendMessage(r -> r.queueUrl(url(sourceQueues.get(0))).messageBody(message.body())
                    .messageAttributes(attributes.isEmpty() ? null : attributes));
            return;
        }
        Optional<Template.Queue> queueTarget = template.queueByArn(target.stringValue());
        if (queueTarget.isPresent()) {
            aws.sqs().sendMessage(r -> r.queueUrl(url(queueTarget.get())).messageBody(message.body()));
            return;
        }
        JsonNode event = LambdaPayloads.tree(message.body());
        var response = aws.events().putEvents(r -> r.entries(e -> e.eventBusName(busOf(message))
                .source(event.path("source").asText()).detailType(event.path("detail-type").asText())
                .detail(event.path("detail").toString())));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutEvents of " + message.messageId() + " failed: " + response.entries());
        }
    }

    /** The bus of the rule that dead-lettered the event: {@code rule/<bus>/<name>}, or the default bus. */
    private static String busOf(Message message) {
        MessageAttributeValue rule = message.messageAttributes().get("RULE_ARN");
        if (rule == null) {
            return "default";
        }
        String path = rule.stringValue().substring(rule.stringValue().indexOf(":rule/") + ":rule/".length());
        return path.contains("/") ? path.substring(0, path.indexOf('/')) : "default";
    }

    private String url(Template.Queue queue) {
        try {
            return aws.sqs().getQueueUrl(r -> r.queueName(queue.name())).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new IllegalStateException("queue " + queue.name() + " does not exist at the endpoint: is ./mallbots up running?", e);
        }
    }
}
