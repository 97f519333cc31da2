package mallbots.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A sped-up schedule: rate rules fire that many times as often. */
class ScheduleSpeedupTest {

    private final MovableClock clock = new MovableClock();
    private final List<String> fired = new CopyOnWriteArrayList<>();

    @Test
    void aRateRuleFiresSixTimesAsOftenWithASpeedupOfSix() {
        EventBridgeSettings settings = EventBridgeSettings.defaults("us-east-1")
                .withClock(clock, Duration.ofMillis(20)).withScheduleSpeedup(6);
        try (ScheduleRunner runner = new ScheduleRunner(settings, (rule, at) -> fired.add(rule.name()))) {
            runner.put(rule("sweeper", "rate(1 minute)"));

            clock.advance(Duration.ofSeconds(9));
            assertThat(fired).isEmpty();
            clock.advance(Duration.ofSeconds(2));
            await("the sped-up rate rule fires").atMost(Duration.ofSeconds(5)).until(() -> fired.contains("sweeper"));
            clock.advance(Duration.ofSeconds(10));
            await("and again 10 s later").atMost(Duration.ofSeconds(5))
                    .until(() -> fired.stream().filter("sweeper"::equals).count() == 2);
        }
    }

    @Test
    void aSpeedupBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> EventBridgeSettings.defaults("us-east-1").withScheduleSpeedup(0))
                .hasMessageContaining("scheduleSpeedup must be at least 1");
    }

    private static Rule rule(String name, String expression) {
        return new Rule(name, "default", "arn:aws:events:us-east-1:000000000000:rule/" + name, null, expression, true,
                null, null, Instant.now());
    }
}
