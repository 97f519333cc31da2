package mallbots.emulators.eventbridge;

import java.time.Duration;

/** One attempt to deliver one event to one rule's target, for the local cloud's console. */
public record Delivery(
        String eventId,
        String busName,
        String source,
        String detailType,
        String ruleName,
        String targetArn,
        int attempt,
        Result result,
        String error,
        Duration elapsed) {

    public enum Result {
        /** The target took the event. */
        DELIVERED,
        /** The attempt failed; another will follow under the retry policy. */
        RETRYING,
        /** Retries are exhausted or the event is too old: it went to the target's dead-letter queue. */
        DEAD_LETTERED,
        /** Retries are exhausted and the target has no dead-letter queue: EventBridge drops it (AWS does too). */
        DROPPED
    }
}
