package mallbots.platform.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to try again: exponential backoff with full jitter (a random wait
 * between zero and base * 2^(retry-1), capped), so that throttled callers spread out instead of
 * retrying in step.
 *
 * @param maxAttempts attempts in all, the first included (1 = never retry)
 * @param baseDelay   the cap of the first wait
 * @param maxDelay    the cap of any wait
 */
public record RetryBackoff(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Four attempts, waits capped at 100 ms, 200 ms, 400 ms: well within a function's timeout. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    public RetryBackoff {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays cannot be negative");
        }
    }

    /** The wait before retry number {@code retry} (1 for the second attempt). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1");
        }
        long base = Math.max(0, baseDelay.toMillis());
        long cap = Math.min(maxDelay.toMillis(), base << Math.min(retry - 1, 30));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
