package mallbots.emulators.eventbridge;

/**
 * How the embedded EventBridge delivers to a Lambda target. The local cloud's Lambda host
 * implements it. An exception is a failed invocation: EventBridge retries it under the
 * target's RetryPolicy and then sends the event to the target's dead-letter queue.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes the function asynchronously as EventBridge does, with the event as its input.
     *
     * @param functionArn e.g. {@code arn:aws:lambda:us-east-1:000000000000:function:StoresSweeper}
     * @param eventJson   the EventBridge event, as the function receives it
     */
    void invoke(String functionArn, String eventJson) throws Exception;
}
