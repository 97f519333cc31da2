package mallbots.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives orders through the HTTP API: sets the mall up, runs the warm-up orders, then the
 * measured phase (C workers, each one customer, taking orders until N are done), reading the
 * local cloud's usage counters when the phase starts, when it ends and once the system is quiet
 * after it (the asynchronous work that the phase's orders caused: notifications, search, ...).
 */
public final class LoadDriver {

    /** How long the system may take to become quiet after a phase. */
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(30);
    private static final Duration QUIET_FOR = Duration.ofMillis(1500);

    private final LoadOptions options;

    public LoadDriver(LoadOptions options) {
        this.options = options;
    }

    /** What a run measured. */
    public record Result(LoadOptions options, List<OrderResult> orders, Instant started, Instant ended,
            Optional<Usage> atStart, Optional<Usage> atEnd, Optional<Usage> settled, Instant settledAt,
            Map<String, Long> processCpuAtStart, Map<String, Long> processCpuAtEnd) {

        public long approved() {
            return orders.stream().filter(OrderResult::approved).count();
        }

        public long completed() {
            return orders.stream().filter(OrderResult::completed).count();
        }

        public Duration wall() {
            return Duration.between(started, ended);
        }

        /** The usage counters as JSON at the start and once quiet (the cost report's input); empty without an endpoint. */
        public Optional<String> usageSpan() {
            return atStart.flatMap(start -> settled.map(end -> "{\"start\":" + start.json() + ",\"settled\":"
                    + end.json() + "}"));
        }
    }

    public Result run() {
        Api api = new Api(options.api(), options.concurrency());
        MallSetup.Mall mall = MallSetup.create(api, options.concurrency(), options);
        if (options.warmup() > 0) {
            phase(api, mall, options.warmup());
        }
        awaitQuiet();
        Optional<Usage> atStart = usage();
        Map<String, Long> processCpuAtStart = ProcessCpu.snapshot(options.cpuOf());
        Instant started = Instant.now();
        List<OrderResult> orders = phase(api, mall, options.orders());
        Instant ended = Instant.now();
        Map<String, Long> processCpuAtEnd = ProcessCpu.snapshot(options.cpuOf());
        Optional<Usage> atEnd = usage();
        Optional<Usage> settled = awaitQuiet();
        return new Result(options, orders, started, ended, atStart, atEnd, settled, Instant.now(),
                processCpuAtStart, processCpuAtEnd);
    }

    /** C workers, one customer each, run orders until {@code count} have run. */
    private List<OrderResult> phase(Api api, MallSetup.Mall mall, int count) {
        List<OrderResult> results = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < options.concurrency(); w++) {
            MallSetup.Customer customer = mall.customers().get(w);
            workers.add(Thread.ofPlatform().name("bench-customer-" + w).start(() -> {
                while (next.getAndIncrement() < count) {
                    results.add(new OrderJourney(mall, customer, options.poll(), options.orderTimeout(),
                            options.toCompleted()).run());
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the orders ran", e);
            }
        }
        return List.copyOf(results);
    }

    private Optional<Usage> usage() {
        return options.endpoint().flatMap(Usage::read);
    }

    /** Waits (bounded) until no function runs and nothing is published for a moment; the counters then. */
    private Optional<Usage> awaitQuiet() {
        Optional<Usage> last = usage();
        if (last.isEmpty()) {
            return last;
        }
        Instant deadline = Instant.now().plus(SETTLE_WITHIN);
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            MallSetup.pause(Duration.ofMillis(250));
            Optional<Usage> now = usage();
            if (now.isEmpty()) {
                return last;
            }
            if (now.get().activity() != last.get().activity()) {
                quietSince = Instant.now();
            } else if (Duration.between(quietSince, Instant.now()).compareTo(QUIET_FOR) >= 0) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
