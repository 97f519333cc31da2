package mallbots.notifications.handlers;

import static mallbots.notifications.handlers.NotificationsTestbed.newId;
import static mallbots.notifications.handlers.NotificationsTestbed.orderReadied;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import mallbots.platform.messaging.Message;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.SqsEvents;
import mallbots.platform.testing.TestCloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An order event whose customer never arrives is not dropped: its record fails at every
 * delivery, and after maxReceiveCount the queue's redrive policy moves it to the dead-letter
 * queue (ElasticMQ applies the policy as SQS does).
 */
class NotificationsDeadLetterTest {

    private final NotificationsTestbed notifications = new NotificationsTestbed(TestCloud.emulators());

    @Test
    void anOrderEventForACustomerThatNeverArrivesEndsInTheDeadLetterQueue() {
        var sqs = notifications.sqs;
        String dlqUrl = SqsEvents.createQueue(sqs, "notifications-dlq");
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = SqsEvents.createQueue(sqs, "notifications-redriven");
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}")));
        Message<?> readied = orderReadied(newId(), newId());
        SqsEvents.send(sqs, queueUrl, NotificationsTestbed.schemaChecked(
                EventBridgeEvents.of(readied, NotificationsTestbed.INBOUND)));

        for (int receive = 1; receive <= 2; receive++) {
            SQSEvent event = SqsEvents.receive(sqs, queueUrl, 1);
            assertThat(notifications.events.handleRequest(event, null).getBatchItemFailures()).hasSize(1);
            SqsEvents.release(sqs, queueUrl, event);
        }
        // the third receive finds it over maxReceiveCount: SQS moves it instead of delivering it
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).isEmpty();

        SQSEvent dead = SqsEvents.receive(sqs, dlqUrl, 1);
        assertThat(dead.getRecords().getFirst().getBody()).contains(readied.messageId());
        assertThat(notifications.allNotifications()).isEmpty();
        assertThat(notifications.sender.attempts).hasValue(0);
    }
}
