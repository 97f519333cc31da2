package mallbots.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the contexts' testbeds rely on a queue for when they deliver messages as Lambda's event
 * source mapping does ({@link SqsEvents}), asserted the same way on {@link InMemorySqs}
 * ({@code InMemoryQueuesTest}) and on ElasticMQ ({@code ElasticMqQueuesTest}).
 */
public abstract class QueuesContract {

    /** The SQS under test. */
    protected abstract SqsClient sqs();

    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void createQueue() {
        sqs = sqs();
        queueUrl = SqsEvents.createQueue(sqs, "contract");
    }

    @Test
    void sentMessagesAreReceivedAsOneEventOfRecordsWithTheirReceiveCountAndTheQueuesArn() {
        SqsEvents.send(sqs, queueUrl, "{\"n\":1}");
        SqsEvents.send(sqs, queueUrl, "{\"n\":2}");

        SQSEvent event = SqsEvents.receive(sqs, queueUrl, 2);

        assertThat(event.getRecords()).extracting(SQSEvent.SQSMessage::getBody)
                .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
        assertThat(event.getRecords()).allSatisfy(record -> {
            assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1")
                    .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
            assertThat(record.getEventSourceArn()).startsWith("arn:aws:sqs:").endsWith(queueUrl.substring(
                    queueUrl.lastIndexOf('/') + 1));
            assertThat(record.getMessageId()).isNotBlank();
            assertThat(record.getReceiptHandle()).isNotBlank();
            assertThat(record.getMd5OfBody()).hasSize(32);
        });
    }

    @Test
    void aReceivedMessageStaysHiddenUntilReleasedThenComesBackCountedTwiceAndADeletedOneNever() {
        SqsEvents.send(sqs, queueUrl, "kept");
        SqsEvents.send(sqs, queueUrl, "done");
        SQSEvent first = SqsEvents.receive(sqs, queueUrl, 2);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).isEmpty();

        SQSEvent.SQSMessage kept = first.getRecords().stream().filter(r -> r.getBody().equals("kept")).findFirst()
                .orElseThrow();
        SQSEvent.SQSMessage done = first.getRecords().stream().filter(r -> r.getBody().equals("done")).findFirst()
                .orElseThrow();
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(done.getReceiptHandle()));
        SQSEvent release = new SQSEvent();
        release.setRecords(List.of(kept));
        SqsEvents.release(sqs, queueUrl, release);

        SQSEvent again = SqsEvents.receive(sqs, queueUrl, 1);

        assertThat(again.getRecords()).singleElement().satisfies(record -> {
            assertThat(record.getBody()).isEqualTo("kept");
            assertThat(record.getMessageId()).isEqualTo(kept.getMessageId());
            assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "2");
        });
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).isEmpty();
    }
}
