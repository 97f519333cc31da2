package mallbots.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.logging.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics as CloudWatch reads them: one EMF document per line on standard output (Powertools v2). */
class FunctionMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
    }

    private List<JsonNode> emf() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = line.startsWith("{") ? JSON.readTree(line) : null;
            if (node != null && node.path("_aws").has("CloudWatchMetrics")) {
                lines.add(node);
            }
        }
        return lines;
    }

    @Test
    void a_count_is_one_emf_line_with_the_namespace_the_function_and_its_dimensions() throws Exception {
        try (LogContext.Scope scope = LogContext.with(LogContext.FUNCTION, "DepotEvents")) {
            FunctionMetrics.count("MessagesFailed", "queue", "mallbots-depot");
        }

        JsonNode line = emf().getFirst();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("MallBots");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("MessagesFailed");
        assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
        assertThat(directive.path("Dimensions").get(0)).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("service", "queue");
        assertThat(line.path("service").asText()).isEqualTo("DepotEvents");
        assertThat(line.path("queue").asText()).isEqualTo("mallbots-depot");
        assertThat(line.path("MessagesFailed").asDouble()).isEqualTo(1.0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isPositive();
    }

    @Test
    void a_duration_is_in_milliseconds_and_a_reason_with_spaces_becomes_a_valid_dimension() throws Exception {
        FunctionMetrics.millis("OrderApprovalMillis", 321, "reason", "customer is  disabled");

        JsonNode line = emf().getFirst();
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Unit").asText())
                .isEqualTo("Milliseconds");
        assertThat(line.path("OrderApprovalMillis").asDouble()).isEqualTo(321.0);
        assertThat(line.path("reason").asText()).isEqualTo("customer_is_disabled");
    }
}
