package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * A rule's target as PutTargets stored it. {@code definition} is the target as given, returned
 * unchanged by ListTargetsByRule.
 */
public record Target(
        String id,
        String arn,
        String input,
        String inputPath,
        int maximumRetryAttempts,
        Duration maximumEventAge,
        String deadLetterArn,
        String messageGroupId,
        ObjectNode definition) {

    /** EventBridge's defaults when a target has no RetryPolicy. */
    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
    public static final Duration DEFAULT_MAXIMUM_EVENT_AGE = Duration.ofSeconds(86_400);
}
