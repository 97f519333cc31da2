package mallbots.platform.consumer;

import java.util.Objects;
import mallbots.platform.messaging.Nullable;

/**
 * A record of an SQS batch that was not handled: SQS will deliver it again, and after the queue's
 * maxReceiveCount move it to the dead-letter queue.
 *
 * @param sqsMessageId the SQS message id, what the batch response names
 * @param messageId    the message's own id (metadata.messageId) when it could be read
 * @param detailType   the EventBridge detail-type when it could be read
 * @param receiveCount SQS's ApproximateReceiveCount of this delivery, 0 when absent
 * @param reason       why, naming the field for a message that could not be decoded
 */
public record RecordFailure(
        String sqsMessageId,
        @Nullable String messageId,
        @Nullable String detailType,
        int receiveCount,
        String reason) {

    public RecordFailure {
        Objects.requireNonNull(sqsMessageId, "sqsMessageId");
        Objects.requireNonNull(reason, "reason");
    }
}
