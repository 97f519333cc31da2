package mallbots.platform.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda SQS events made of messages really received from a queue (ElasticMQ in tests), the way
 * the SQS event source mapping builds them: body, ids, receipt handle, system attributes
 * (ApproximateReceiveCount ...), source ARN and region.
 */
public final class SqsEvents {

    private SqsEvents() {
    }

    /** A new queue; its URL. */
    public static String createQueue(SqsClient sqs, String prefix) {
        return sqs.createQueue(b -> b.queueName(LocalAws.uniqueName(prefix))).queueUrl();
    }

    public static void send(SqsClient sqs, String queueUrl, String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /** Receives exactly {@code count} messages (waiting up to ten seconds) as one Lambda event. */
    public static SQSEvent receive(SqsClient sqs, String queueUrl, int count) {
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (records.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("received " + records.size() + " of " + count + " messages from " + queueUrl);
            }
            int wanted = Math.min(10, count - records.size());
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(wanted)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
                records.add(toRecord(message, arn));
            }
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** One received message as a record of a Lambda SQS event. */
    public static SQSEvent.SQSMessage toRecord(Message message, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setAttributes(message.attributesAsStrings());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(LocalAws.REGION.id());
        return record;
    }

    /** Makes received messages visible again at once, as the end of a visibility timeout would. */
    public static void release(SqsClient sqs, String queueUrl, SQSEvent event) {
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle())
                    .visibilityTimeout(0));
        }
    }
}
