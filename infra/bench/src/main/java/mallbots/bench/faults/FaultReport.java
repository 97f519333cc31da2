package mallbots.bench.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mallbots.emulators.faults.FaultKind;

/**
 * What a run of the fault suite saw: the orders by what they called for and how they ended, the
 * faults injected by kind, the retries that followed, how long it took to settle, what was
 * dead-lettered, and every check that failed ({@link #problems()} empty: the run passed).
 */
public record FaultReport(
        FaultSuiteOptions options,
        int orders,
        Map<String, Map<String, Integer>> statusByExpected,
        Map<String, Long> injected,
        Map<String, Long> sdkRetries,
        long sqsRedeliveries,
        long failedHandlings,
        long eventBridgeRetries,
        long apiRetries,
        Duration settleAfterLastCheckout,
        Duration total,
        boolean killed,
        Duration restart,
        Map<String, Integer> deadLetteredByQueue,
        Map<String, Map<String, Integer>> deadLetterReasons,
        int duplicateEffects,
        List<String> problems) {

    public boolean passed() {
        return problems.isEmpty();
    }

    public void print(PrintStream out) {
        out.printf("MallBots fault suite: %d orders, seed %d, fault rate %s, %d customers at once%s%n", orders,
                options.seed(), options.rate(), options.concurrency(),
                killed ? ", local cloud killed (-9) and restarted once (back in " + seconds(restart) + ")" : "");
        out.println();
        out.println("orders (expected -> ended)");
        statusByExpected.forEach((expected, ended) -> out.printf("  %-18s %s%n", expected, ended));
        out.println();
        out.println("faults injected");
        long total = 0;
        for (FaultKind kind : FaultKind.values()) {
            long count = injected.getOrDefault(kind.name(), 0L);
            total += count;
            out.printf("  %-52s %6d%n", kind.description(), count);
        }
        out.printf("  %-52s %6d%n", "total", total);
        out.println();
        out.println("retries");
        out.printf("  %-52s %6d%n", "SDK retries of DynamoDB requests", sdkRetries.getOrDefault("dynamodb", 0L));
        out.printf("  %-52s %6d%n", "SDK retries of EventBridge requests", sdkRetries.getOrDefault("events", 0L));
        out.printf("  %-52s %6d%n", "queue messages whose handling failed", failedHandlings);
        out.printf("  %-52s %6d%n", "SQS receives beyond a message's first", sqsRedeliveries);
        out.printf("  %-52s %6d%n", "EventBridge delivery retries", eventBridgeRetries);
        out.printf("  %-52s %6d%n", "HTTP API calls repeated by the customers (5xx, down)", apiRetries);
        out.println();
        out.printf("time to settle: %s after the last checkout (every order terminal, queues empty, every%n"
                + "  notification sent, the poison dead-lettered); whole run %s%n", seconds(settleAfterLastCheckout),
                seconds(this.total));
        out.println();
        out.println("dead-lettered (messages in dead-letter queues at the end)");
        if (deadLetteredByQueue.isEmpty()) {
            out.println("  none");
        }
        deadLetteredByQueue.forEach((queue, count) -> out.printf("  %-40s %d%n", queue, count));
        deadLetterReasons.forEach((queue, reasons) -> reasons.forEach((reason, count) ->
                out.printf("  why, %s (%d): %s%n", queue, count, reason)));
        out.println();
        out.printf("duplicate effects: %d%n", duplicateEffects);
        if (problems.isEmpty()) {
            out.println("PASSED: every order ended as its inputs call for, each effect once, only the planted poison dead-lettered");
        } else {
            out.println("FAILED: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
            problems.forEach(problem -> out.println("  " + problem));
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
