package mallbots.platform.domain;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Re-runs a read-modify-write attempt while it loses a {@link ConcurrencyConflict}, a bounded
 * number of times. Each attempt must read afresh: the attempt is the whole load, command, save.
 * A random pause between attempts (full jitter, its bound doubling from 20 ms up to 500 ms) keeps
 * busy writers from colliding in lockstep: 50 requests changing one basket at once all get in.
 */
public final class ConflictRetry {

    public static final int DEFAULT_ATTEMPTS = 24;

    private final int maxAttempts;

    private ConflictRetry(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    public static ConflictRetry attempts(int maxAttempts) {
        return new ConflictRetry(maxAttempts);
    }

    public static ConflictRetry defaults() {
        return new ConflictRetry(DEFAULT_ATTEMPTS);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The attempt's result; the last conflict if every attempt lost. */
    public <R> R run(Supplier<R> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (ConcurrencyConflict conflict) {
                if (tried >= maxAttempts) {
                    throw conflict;
                }
                pause(tried);
            }
        }
    }

    private static void pause(int tried) {
        long bound = Math.min(500, 10L << tried);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyConflict("interrupted while waiting to retry", e);
        }
    }
}
