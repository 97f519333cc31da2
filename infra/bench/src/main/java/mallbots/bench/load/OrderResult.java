package mallbots.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One order's journey: what it reached, the error that stopped it (its kind and message), and
 * the times: the client's (when a request went out, when the client saw a state) and the
 * order's own {@code statusTimes} (pending, approved, ready, completed) from its view; how many
 * reads (polls) the client made while it waited, and how many of them failed with an I/O error
 * (and were made again).
 */
record OrderResult(boolean approved, boolean completed, String errorKind, String error, Instant checkoutSent,
        Instant approvedSeen, Instant listCompleteSent, Instant invoiceSeen, Instant paySent, Instant completedSeen,
        Map<String, Instant> statusTimes, int reads, int readErrors) {

    OrderResult {
        statusTimes = Map.copyOf(statusTimes);
    }

    /** Milliseconds from {@code from} to {@code to}; null if either is unknown. */
    static Double millis(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toNanos() / 1e6;
    }

    Instant status(String status) {
        return statusTimes.get(status);
    }
}
