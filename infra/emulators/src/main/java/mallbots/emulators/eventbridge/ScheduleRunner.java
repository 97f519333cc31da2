package mallbots.emulators.eventbridge;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the enabled schedule rules when the clock reaches their next time. It looks at the
 * clock every tick, so a test that moves the clock sees the rule fire within one tick.
 */
final class ScheduleRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private record Entry(Rule rule, Schedule schedule, Instant next) {
    }

    private final InstantSource clock;
    private final int speedup;
    private final BiConsumer<Rule, Instant> fire;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("eventbridge-schedules").factory());

    ScheduleRunner(EventBridgeSettings settings, BiConsumer<Rule, Instant> fire) {
        this.clock = settings.clock();
        this.speedup = settings.scheduleSpeedup();
        this.fire = fire;
        long tick = settings.scheduleTick().toMillis();
        ticker.scheduleWithFixedDelay(this::fireDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Starts (or restarts, from now) the schedule of an enabled rule; forgets a disabled one. */
    void put(Rule rule) {
        if (rule.scheduleExpression() == null || !rule.enabled()) {
            entries.remove(rule.arn());
            return;
        }
        Schedule schedule = Schedule.parse(rule.scheduleExpression());
        if (schedule instanceof Schedule.Rate rate && speedup > 1) {
            schedule = new Schedule.Rate(rate.period().dividedBy(speedup));
        }
        entries.put(rule.arn(), new Entry(rule, schedule, schedule.nextAfter(clock.instant())));
    }

    void remove(String ruleArn) {
        entries.remove(ruleArn);
    }

    private void fireDue() {
        Instant now = clock.instant();
        for (Entry entry : entries.values()) {
            if (entry.next().isAfter(now)) {
                continue;
            }
            // Fires once however far the clock jumped, then resumes from the schedule.
            Instant next = entry.schedule().nextAfter(entry.next());
            if (!next.isAfter(now)) {
                next = entry.schedule().nextAfter(now);
            }
            if (entries.replace(entry.rule().arn(), entry, new Entry(entry.rule(), entry.schedule(), next))) {
                try {
                    fire.accept(entry.rule(), entry.next());
                } catch (RuntimeException e) {
                    LOG.warn("schedule rule {} failed to fire", entry.rule().arn(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
