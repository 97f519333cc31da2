package mallbots.emulators.eventbridge;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's ScheduleExpression as EventBridge writes it: {@code rate(5 minutes)} or
 * {@code cron(0/15 * * * ? *)} (UTC).
 */
public sealed interface Schedule permits Schedule.Rate, CronSchedule {

    /** The first time after {@code after} at which the rule fires. */
    Instant nextAfter(Instant after);

    /** Parses an expression, or throws a ValidationException naming what is wrong. */
    static Schedule parse(String expression) {
        String trimmed = expression.trim();
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return Rate.parse(trimmed.substring(5, trimmed.length() - 1));
        }
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronSchedule.parse(trimmed.substring(5, trimmed.length() - 1));
        }
        throw EventBridgeException.validation("Parameter ScheduleExpression is not valid.");
    }

    /** {@code rate(value unit)}: every period, counted from the time the rule was put. */
    record Rate(Duration period) implements Schedule {

        private static final Pattern SYNTAX = Pattern.compile("(\\d+) (minute|minutes|hour|hours|day|days)");

        static Rate parse(String body) {
            Matcher matcher = SYNTAX.matcher(body.trim());
            if (!matcher.matches()) {
                throw EventBridgeException.validation("Parameter ScheduleExpression is not valid.");
            }
            long value = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2);
            // EventBridge insists on "1 minute" but "2 minutes".
            if (value <= 0 || (value == 1) != !unit.endsWith("s")) {
                throw EventBridgeException.validation("Parameter ScheduleExpression is not valid.");
            }
            ChronoUnit chronoUnit = switch (unit.replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new Rate(Duration.of(value, chronoUnit));
        }

        @Override
        public Instant nextAfter(Instant after) {
            return after.plus(period);
        }
    }
}
