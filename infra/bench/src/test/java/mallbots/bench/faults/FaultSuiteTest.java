package mallbots.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault suite at the size of a test: four orders through the repository's template in a
 * faulted local cloud of its own (a child JVM), which must all end as their inputs call for, with
 * each effect once and only the planted poison dead-lettered, across a {@code kill -9} of the
 * local cloud half-way and its restart on the same data. {@code ./mallbots faults} runs it at full
 * size (100 orders, 60 s visibility timeout).
 */
class FaultSuiteTest {

    /** The repository root: tests run in infra/bench. */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void every_order_ends_as_its_inputs_call_for_under_faults() throws Exception {
        // Seed 6 draws one order of each kind in its first four (approved, rejected for the
        // customer, rejected for the payment, canceled); the fault rate, and so every kind of
        // fault, is the command's. The visibility timeout is the least the local cloud takes (the
        // functions' 30 s Timeout) and a message is dead-lettered at its 3rd receive, not its 5th:
        // the planted poison takes 60 s, not 2 minutes (they set the test's length). The rate
        // schedules run 6 times as often (every 10 s): an event a crash left in an outbox is swept
        // once its 30 s grace is over, well within the 60 s a message waiting for it has, and an
        // overdue saga step is resent within 10 s of its deadline. ./mallbots faults keeps AWS's
        // minute, 5 receives and 60 s, and 100 orders.
        FaultSuiteOptions options = new FaultSuiteOptions(4, 6, 0.1, 4, true, ROOT,
                Path.of("target/fault-suite").toAbsolutePath(),
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Duration.ofSeconds(180), Duration.ofSeconds(30), 3, 6);

        FaultReport report = new FaultSuite(options).run();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(report.problems()).as(text).isEmpty();
        assertThat(report.killed()).as("the local cloud was killed and restarted").isTrue();
        assertThat(report.statusByExpected()).as("one order of each kind")
                .containsOnlyKeys("approved", "canceled", "rejected_customer", "rejected_payment");
        assertThat(report.injected().values().stream().mapToLong(Long::longValue).sum())
                .as("faults were injected").isPositive();
        assertThat(report.deadLetteredByQueue()).as("the planted poison").containsOnlyKeys("mallbots-customers-dlq");
    }
}
