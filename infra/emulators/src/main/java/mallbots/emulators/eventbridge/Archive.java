package mallbots.emulators.eventbridge;

import java.time.Instant;

/** An archive's definition. The local EventBridge stores it but neither archives nor replays events. */
public record Archive(
        String name,
        String arn,
        String eventSourceArn,
        String description,
        String eventPattern,
        int retentionDays,
        Instant createdAt) {
}
