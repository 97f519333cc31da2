package mallbots.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./mallbots bench} was asked for.
 *
 * @param orders       orders in the measured phase
 * @param concurrency  customers ordering at the same time (one worker each)
 * @param warmup       orders before the measured phase (not counted): classes loaded, JIT warm
 * @param toCompleted  follow each order to completed (bot, invoice, payment), not only to approved
 * @param api          the HTTP API
 * @param endpoint     the local cloud's AWS endpoint, which serves the usage counters; empty: none
 * @param poll         the first pause between two reads of what a worker waits for (it doubles up to 400 ms)
 * @param orderTimeout how long one order may take before it counts as timed out
 * @param cpuOf        processes whose CPU (with their descendants') is measured over the phase
 *                     without the usage counters, e.g. an older build's local cloud
 * @param stateDir     the local cloud's state directory, whose key signs the bench's tokens
 * @param audience     the audience of the tokens (the template's JwtAudience)
 */
public record LoadOptions(int orders, int concurrency, int warmup, boolean toCompleted, URI api,
        Optional<URI> endpoint, Duration poll, Duration orderTimeout, List<Long> cpuOf, Path stateDir, String audience) {

    public static final String USAGE = """
            usage: ./mallbots bench [--orders N] [--concurrency C] [--to approved|completed] [--warmup W]
                                    [--api URL] [--endpoint URL|none] [--poll-ms MS] [--timeout-s S]
                                    [--cpu-of PID]... [--state-dir .mallbots] [--audience mallbots]
              --orders       orders in the measured phase (default 200)
              --concurrency  customers ordering at once (default 10)
              --to           approved (default): checkout until the saga approves the order;
                             completed: also a bot collects, the invoice is paid, the order completes
              --warmup       orders run before measuring, not counted (default: the concurrency)
              --api          the HTTP API (default http://127.0.0.1:3000)
              --endpoint     the local cloud's AWS endpoint, for CPU and the cost report
                             (default http://127.0.0.1:4566; none for a deployed stack)
              --poll-ms      first pause between two reads of what a worker waits for; it doubles
                             up to 400 ms (default 50)
              --timeout-s    how long one order may take (default 60)
              --cpu-of       also measure this process's CPU and its children's over the phase
                             (repeatable; for a system without the usage counters)
              --state-dir    the local cloud's state directory: its key signs the staff's, customers'
                             and bot's tokens, issued by --api (default .mallbots)
              --audience     the tokens' audience, the template's JwtAudience (default mallbots)""";

    public LoadOptions {
        if (orders < 1 || concurrency < 1 || warmup < 0) {
            throw new IllegalArgumentException("--orders and --concurrency must be at least 1, --warmup at least 0");
        }
    }

    public static LoadOptions parse(String... args) {
        int orders = 200;
        int concurrency = 10;
        Integer warmup = null;
        boolean toCompleted = false;
        URI api = URI.create("http://127.0.0.1:3000");
        Optional<URI> endpoint = Optional.of(URI.create("http://127.0.0.1:4566"));
        long pollMillis = 50;
        long timeoutSeconds = 60;
        List<Long> cpuOf = new ArrayList<>();
        Path stateDir = Path.of(".mallbots");
        String audience = "mallbots";
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            String value = rest.removeFirst();
            switch (flag) {
                case "--orders" -> orders = number(flag, value);
                case "--concurrency" -> concurrency = number(flag, value);
                case "--warmup" -> warmup = number(flag, value);
                case "--to" -> toCompleted = switch (value) {
                    case "approved" -> false;
                    case "completed" -> true;
                    default -> throw new IllegalArgumentException("--to is approved or completed, not " + value);
                };
                case "--api" -> api = URI.create(value);
                case "--endpoint" -> endpoint = value.equals("none") ? Optional.empty() : Optional.of(URI.create(value));
                case "--poll-ms" -> pollMillis = number(flag, value);
                case "--timeout-s" -> timeoutSeconds = number(flag, value);
                case "--cpu-of" -> cpuOf.add((long) number(flag, value));
                case "--state-dir" -> stateDir = Path.of(value);
                case "--audience" -> audience = value;
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        return new LoadOptions(orders, concurrency, warmup == null ? concurrency : warmup, toCompleted, api, endpoint,
                Duration.ofMillis(pollMillis), Duration.ofSeconds(timeoutSeconds), List.copyOf(cpuOf),
                stateDir, audience);
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, was " + value);
        }
    }
}
