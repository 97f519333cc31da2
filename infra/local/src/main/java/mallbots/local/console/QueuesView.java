package mallbots.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import mallbots.local.dlq.DeadLetterQueues;
import mallbots.local.provision.ProvisioningClients;
import mallbots.local.template.Template;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's queues as the web console shows them ({@value #PATH}): each one's depth and
 * messages in flight, the dead-letter queue it redrives to, and for each dead-letter queue its
 * sources and messages with their reasons ({@link DeadLetterQueues#list()}, which peeks without
 * consuming). Listing and redriving take turns: a peek hides a DLQ's messages for a moment, and a
 * redrive at that moment would find none.
 */
public final class QueuesView {

    public static final String PATH = "/_mallbots/queues";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A dead letter's body is cut to this many characters on the page. */
    private static final int BODY_CHARS = 400;

    private final Template template;
    private final ProvisioningClients aws;
    private final DeadLetterQueues deadLetterQueues;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public QueuesView(Template template, ProvisioningClients aws, DeadLetterQueues deadLetterQueues) {
        this.template = template;
        this.aws = aws;
        this.deadLetterQueues = deadLetterQueues;
    }

    /** The JSON answer of {@value #PATH}: {@code {"queues": [{name, depth, inFlight, deadLetterQueue?, sources?, messages?}]}}. */
    public synchronized String view() {
        Map<String, DeadLetterQueues.Listing> listings = deadLetterQueues.list().stream()
                .collect(Collectors.toMap(l -> l.queue().name(), l -> l));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode queues = answer.putArray("queues");
        for (Template.Queue queue : template.queues()) {
            String url = urls.computeIfAbsent(queue.name(), name -> aws.sqs().getQueueUrl(r -> r.queueName(name)).queueUrl());
            Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
            ObjectNode row = queues.addObject();
            row.put("name", queue.name());
            row.put("depth", Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessages", "0")));
            row.put("inFlight", Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessagesNotVisible", "0")));
            queue.redrive().flatMap(r -> template.queueByArn(r.deadLetterTargetArn()))
                    .ifPresent(dlq -> row.put("deadLetterQueue", dlq.name()));
            DeadLetterQueues.Listing listing = listings.get(queue.name());
            row.put("isDeadLetterQueue", listing != null);
            if (listing != null) {
                ArrayNode sources = row.putArray("sources");
                listing.sources().forEach(source -> sources.add(source.description()));
                ArrayNode messages = row.putArray("messages");
                for (DeadLetterQueues.DeadLetter message : listing.messages()) {
                    messages.addObject().put("messageId", message.messageId()).put("reason", message.reason())
                            .put("body", message.body().length() > BODY_CHARS
                                    ? message.body().substring(0, BODY_CHARS) + "..." : message.body());
                }
            }
        }
        return answer.toString();
    }

    /** Moves a dead-letter queue's messages back (see {@link DeadLetterQueues#redrive}); how many moved. */
    public synchronized int redrive(String deadLetterQueue) {
        return deadLetterQueues.redrive(deadLetterQueue);
    }
}
