package mallbots.local.observe;

/**
 * One message of a batch an event source mapping handed to a function, and what came of it.
 *
 * @param atMillis when the invocation started (epoch millis)
 * @param millis how long the invocation took (the whole batch's)
 * @param body the SQS body: the EventBridge event with the message's detail
 * @param receiveCount the SQS receive count of this delivery (1 the first time)
 * @param maxReceiveCount the queue's redrive limit, 0 without a dead-letter queue
 * @param deadLetterQueue the name of the queue's dead-letter queue, or null
 * @param reason why it failed (null when handled)
 */
public record HandledMessage(long atMillis, long millis, String function, String queue, String requestId,
        int batchSize, String body, int receiveCount, int maxReceiveCount, String deadLetterQueue,
        boolean failed, String reason) {

    /** The outcome as the trace shows it. */
    public String outcome() {
        if (!failed) {
            return "ok";
        }
        if (maxReceiveCount > 0 && receiveCount >= maxReceiveCount) {
            return "dead-lettered";
        }
        return "failed";
    }
}
