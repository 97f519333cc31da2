package mallbots.emulators.eventbridge;

import java.time.Instant;

/** A rule as PutRule stored it: a pattern or a schedule, enabled or not. */
public record Rule(
        String name,
        String busName,
        String arn,
        String eventPattern,
        String scheduleExpression,
        boolean enabled,
        String description,
        String roleArn,
        Instant putAt) {

    public String state() {
        return enabled ? "ENABLED" : "DISABLED";
    }

    public Rule withEnabled(boolean value) {
        return new Rule(name, busName, arn, eventPattern, scheduleExpression, value, description, roleArn, putAt);
    }
}
