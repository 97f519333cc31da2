package mallbots.bench.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a run of the fault suite goes.
 *
 * @param orders      orders driven through the API
 * @param seed        seeds the orders' inputs and the local cloud's faults
 * @param rate        the fault rate ({@code --faults rate=})
 * @param concurrency customers ordering at once
 * @param killOnce    whether the local cloud is killed with SIGKILL once, half-way, and started again
 * @param root        the repository (its template.yaml and built function jars)
 * @param workDir     the run's data and state directories and the local cloud's console log
 * @param classpath   the classpath of the local cloud's JVM
 * @param settleWithin how long the orders may take to settle after the last checkout
 * @param visibilityTimeout the consumer queues' visibility timeout: a failed message's wait for its
 *                          next receive; its receives must outlast an outbox sweep that fails too
 * @param maxReceiveCount   receives of a message before its queue dead-letters it (the template's
 *                          MaxReceiveCount): with the visibility timeout, how long the planted poison takes
 * @param scheduleSpeedup   how many times as often the local cloud runs the template's rate schedules
 *                          (outbox sweepers, saga deadlines): 1 as on AWS; more, for a short run
 */
public record FaultSuiteOptions(int orders, long seed, double rate, int concurrency, boolean killOnce, Path root,
        Path workDir, String classpath, Duration settleWithin, Duration visibilityTimeout, int maxReceiveCount,
        int scheduleSpeedup) {

    public static final String USAGE = """
            usage: mallbots faults [--orders 100] [--seed 7] [--rate 0.1] [--concurrency 8] [--no-kill]
                                   [--settle-s 300] [--visibility-s 60] [--max-receives 5] [--schedule-speedup 1]
                                   [--work-dir target/faults]
              --orders       orders driven through the API (default 100)
              --seed         seeds the orders' inputs and the injected faults (default 7)
              --rate         chance of a fault per DynamoDB/EventBridge request, per delivery (default 0.1)
              --concurrency  customers ordering at once (default 8)
              --no-kill      do not kill -9 and restart the local cloud half-way
              --settle-s     how long the orders may take to settle after the last checkout (default 300)
              --visibility-s the queues' visibility timeout, a failed message's wait (default 60, at least 30)
              --max-receives receives of a message before it is dead-lettered (default 5, the template's)
              --schedule-speedup run the rate schedules (outbox sweepers, saga deadlines) this many
                             times as often (default 1, as on AWS)
              --work-dir     the run's data, state and console log (default target/faults; emptied first)""";

    public FaultSuiteOptions {
        if (orders < 1 || concurrency < 1) {
            throw new IllegalArgumentException("--orders and --concurrency must be at least 1");
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("--rate must be between 0 and 1: " + rate);
        }
        if (maxReceiveCount < 2) {
            throw new IllegalArgumentException("--max-receives must be at least 2: " + maxReceiveCount);
        }
        if (scheduleSpeedup < 1) {
            throw new IllegalArgumentException("--schedule-speedup must be at least 1: " + scheduleSpeedup);
        }
        if (visibilityTimeout.toSeconds() < 30) {
            // the template's minimum: no less than the functions' Timeout
            throw new IllegalArgumentException("--visibility-s must be at least 30: " + visibilityTimeout.toSeconds());
        }
    }

    /** Parses the command's flags; the classpath is this JVM's. */
    public static FaultSuiteOptions parse(Path root, String... args) {
        int orders = 100;
        long seed = 7;
        double rate = 0.1;
        int concurrency = 8;
        boolean kill = true;
        long settleSeconds = 300;
        long visibilitySeconds = 60;
        int maxReceives = 5;
        int speedup = 1;
        Path work = root.resolve("target/faults");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--no-kill")) {
                kill = false;
                continue;
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--orders" -> orders = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--settle-s" -> settleSeconds = Long.parseLong(value);
                    case "--visibility-s" -> visibilitySeconds = Long.parseLong(value);
                    case "--max-receives" -> maxReceives = Integer.parseInt(value);
                    case "--schedule-speedup" -> speedup = Integer.parseInt(value);
                    case "--work-dir" -> work = root.resolve(value);
                    default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " takes a number, got " + value + "\n" + USAGE);
            }
        }
        return new FaultSuiteOptions(orders, seed, rate, concurrency, kill, root, work,
                System.getProperty("java.class.path"), Duration.ofSeconds(settleSeconds),
                Duration.ofSeconds(visibilitySeconds), maxReceives, speedup);
    }
}
