package mallbots.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void rateFiresOnePeriodLater() {
        assertThat(Schedule.parse("rate(1 minute)").nextAfter(WEDNESDAY_NOON)).isEqualTo(WEDNESDAY_NOON.plusSeconds(60));
        assertThat(Schedule.parse("rate(2 hours)").nextAfter(WEDNESDAY_NOON))
                .isEqualTo(WEDNESDAY_NOON.plus(Duration.ofHours(2)));
    }

    @Test
    void rateNeedsEventBridgesSingularAndPlural() {
        assertThatThrownBy(() -> Schedule.parse("rate(1 minutes)")).isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> Schedule.parse("rate(5 minute)")).isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> Schedule.parse("rate(0 minutes)")).isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> Schedule.parse("every 5 minutes")).isInstanceOf(EventBridgeException.class);
    }

    @Test
    void cronFollowsStepsRangesAndNamedDays() {
        assertThat(Schedule.parse("cron(0/15 * * * ? *)").nextAfter(WEDNESDAY_NOON))
                .isEqualTo(Instant.parse("2026-11-25T12:15:00Z"));
        assertThat(Schedule.parse("cron(30 8 ? * MON-FRI *)").nextAfter(WEDNESDAY_NOON))
                .isEqualTo(Instant.parse("2026-11-26T08:30:00Z"));
        assertThat(Schedule.parse("cron(0 10 ? * SAT *)").nextAfter(WEDNESDAY_NOON))
                .isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(Schedule.parse("cron(0 0 1 JAN ? *)").nextAfter(WEDNESDAY_NOON))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Schedule.parse("cron(5,10 12 25 11 ? 2026)").nextAfter(WEDNESDAY_NOON))
                .isEqualTo(Instant.parse("2026-11-25T12:05:00Z"));
    }

    @Test
    void cronRejectsWhatItCannotFollow() {
        assertThatThrownBy(() -> Schedule.parse("cron(0 12 L * ? *)")).isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> Schedule.parse("cron(0 12 * * * *)")).isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("'?'");
        assertThatThrownBy(() -> Schedule.parse("cron(0 12 * *)")).isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> Schedule.parse("cron(61 * * * ? *)")).isInstanceOf(EventBridgeException.class);
    }
}
