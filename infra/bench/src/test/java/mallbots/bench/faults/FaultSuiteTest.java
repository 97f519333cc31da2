package mallbots.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault suite at the size of a test: a few orders through the repository's template in a
 * faulted local cloud of its own (a child JVM), which must all end as their inputs call for, with
 * each effect once and only the planted poison dead-lettered, across a {@code kill -9} of the
 * local cloud half-way and its restart on the same data. {@code ./mallbots faults} runs it at full size.
 */
class FaultSuiteTest {

    /** The repository root: tests run in infra/bench. */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void every_order_ends_as_its_inputs_call_for_under_faults() throws Exception {
        FaultSuiteOptions options = new FaultSuiteOptions(8, 11, 0.1, 4, true, ROOT,
                Path.of("target/fault-suite").toAbsolutePath(),
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Duration.ofSeconds(180),
                // 30 s, not the command's 60: the planted poison's 5 receives set the test's length, and
                // with 8 orders an event left in an outbox twice in a row, the case 60 s is for, is rare
                Duration.ofSeconds(30));

        FaultReport report = new FaultSuite(options).run();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(report.problems()).as(text).isEmpty();
        assertThat(report.injected().values().stream().mapToLong(Long::longValue).sum())
                .as("faults were injected").isPositive();
        assertThat(report.deadLetteredByQueue()).as("the planted poison").containsOnlyKeys("mallbots-customers-dlq");
    }
}
