package mallbots.platform.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import mallbots.platform.outbox.Outbox;

/**
 * How long a saga waits for the replies of a step before it acts: when the deadline passes, the
 * step's unanswered commands are sent again (the same messages: participants answer a repeated
 * command with their first reply), at most {@code resends} times, each with a new deadline; when
 * the last one passes too, the saga gives up and compensates with the reason "timed out".
 *
 * <p>A running saga's item carries {@value #DUE} = "1" and {@value #AT} (the deadline, as the
 * outbox's fixed-width UTC timestamp), the keys of the sparse GSI {@value #INDEX}: the
 * {@link SagaDeadlineSweeper} queries only the sagas that are overdue, never the whole table. A
 * done saga's write removes both.
 *
 * @param perStep how long each step (and each resend) waits
 * @param resends how many times the unanswered commands are sent again before the saga gives up
 * @param clock what "now" is
 */
public record SagaDeadlines(Duration perStep, int resends, Clock clock) {

    public static final String INDEX = "deadlines";
    public static final String DUE = "deadlineDue";
    public static final String AT = "deadlineAt";
    public static final String DUE_VALUE = "1";
    public static final String TIMED_OUT = "timed out";

    public static final Duration DEFAULT_PER_STEP = Duration.ofMinutes(2);
    public static final int DEFAULT_RESENDS = 2;

    public SagaDeadlines {
        Objects.requireNonNull(perStep, "perStep");
        Objects.requireNonNull(clock, "clock");
        if (perStep.isNegative() || perStep.isZero()) {
            throw new IllegalArgumentException("a step's deadline must be positive: " + perStep);
        }
        if (resends < 0) {
            throw new IllegalArgumentException("resends must not be negative: " + resends);
        }
    }

    /** 2 minutes a step, 2 resends, the system clock. */
    public static SagaDeadlines defaults() {
        return new SagaDeadlines(DEFAULT_PER_STEP, DEFAULT_RESENDS, Clock.systemUTC());
    }

    /** The deadline of a step (or a resend) that starts now. */
    Instant next() {
        return clock.instant().plus(perStep);
    }

    /** An instant as {@value #AT} stores it. */
    public static String timestamp(Instant instant) {
        return Outbox.timestamp(instant);
    }
}
