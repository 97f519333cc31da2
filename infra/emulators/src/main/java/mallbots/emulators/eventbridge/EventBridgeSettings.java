package mallbots.emulators.eventbridge;

import java.time.Duration;
import java.time.InstantSource;

/**
 * How the local EventBridge runs.
 *
 * @param retryBaseDelay the first retry's delay; each further retry waits twice as long, up to
 *                       {@code retryMaxDelay}. Tests make it a few milliseconds.
 * @param clock          the time events get and schedules follow; tests move it by hand
 * @param scheduleTick   how often schedule rules are checked against the clock
 * @param deliveriesPerEvent how many times each matching target gets each event: 1, as AWS
 *                       almost always does; 2 rehearses at-least-once delivery, to show that
 *                       every consumer is idempotent
 * @param scheduleSpeedup how many times as often a {@code rate(...)} schedule fires as its
 *                       expression says: 1, as AWS does; a test that waits on the outbox
 *                       sweepers' and saga deadlines' minute makes it 6 (every 10 s). Cron
 *                       schedules keep their times.
 */
public record EventBridgeSettings(
        String region,
        String accountId,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        InstantSource clock,
        Duration scheduleTick,
        int deliveriesPerEvent,
        int scheduleSpeedup) {

    /** System property that sets the default {@code retryBaseDelay} in milliseconds. */
    public static final String RETRY_BASE_DELAY_PROPERTY = "mallbots.eventbridge.retryBaseDelayMillis";
    /** System property that sets the default {@code deliveriesPerEvent}. */
    public static final String DELIVERIES_PER_EVENT_PROPERTY = "mallbots.eventbridge.deliveriesPerEvent";
    /** System property that sets the default {@code scheduleSpeedup}. */
    public static final String SCHEDULE_SPEEDUP_PROPERTY = "mallbots.eventbridge.scheduleSpeedup";
    public static final String ACCOUNT_ID = "000000000000";

    public EventBridgeSettings {
        if (deliveriesPerEvent < 1) {
            throw new IllegalArgumentException("deliveriesPerEvent must be at least 1: " + deliveriesPerEvent);
        }
        if (scheduleSpeedup < 1) {
            throw new IllegalArgumentException("scheduleSpeedup must be at least 1: " + scheduleSpeedup);
        }
    }

    public static EventBridgeSettings defaults(String region) {
        long baseMillis = Long.getLong(RETRY_BASE_DELAY_PROPERTY, 300);
        return new EventBridgeSettings(region, ACCOUNT_ID, Duration.ofMillis(baseMillis), Duration.ofSeconds(60),
                InstantSource.system(), Duration.ofSeconds(1), Integer.getInteger(DELIVERIES_PER_EVENT_PROPERTY, 1),
                Integer.getInteger(SCHEDULE_SPEEDUP_PROPERTY, 1));
    }

    public EventBridgeSettings withRetryBaseDelay(Duration delay) {
        return new EventBridgeSettings(region, accountId, delay, retryMaxDelay, clock, scheduleTick, deliveriesPerEvent, scheduleSpeedup);
    }

    public EventBridgeSettings withClock(InstantSource source, Duration tick) {
        return new EventBridgeSettings(region, accountId, retryBaseDelay, retryMaxDelay, source, tick, deliveriesPerEvent, scheduleSpeedup);
    }

    public EventBridgeSettings withDeliveriesPerEvent(int deliveries) {
        return new EventBridgeSettings(region, accountId, retryBaseDelay, retryMaxDelay, clock, scheduleTick, deliveries, scheduleSpeedup);
    }

    public EventBridgeSettings withScheduleSpeedup(int speedup) {
        return new EventBridgeSettings(region, accountId, retryBaseDelay, retryMaxDelay, clock, scheduleTick,
                deliveriesPerEvent, speedup);
    }

    /** The delay before retry number {@code retry} (1 for the first). */
    Duration retryDelay(int retry) {
        long factor = 1L << Math.min(retry - 1, 20);
        Duration delay = retryBaseDelay.multipliedBy(factor);
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }
}
