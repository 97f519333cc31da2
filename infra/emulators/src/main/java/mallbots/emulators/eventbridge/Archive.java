package mallbots.emulators.eventbridge;

import java.time.Instant;

/** An archive's definition; {@link ArchiveStore} keeps it and the events it archives. */
public record Archive(
        String name,
        String arn,
        String eventSourceArn,
        String description,
        String eventPattern,
        int retentionDays,
        Instant createdAt) {
}
