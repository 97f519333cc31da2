package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.local.console.FlowConsole;
import mallbots.local.testing.Recorded;
import org.junit.jupiter.api.Test;

/**
 * --endpoint: the template is provisioned on an AWS-compatible endpoint someone else runs (here
 * a second LocalAwsEndpoint stands in for LocalStack), and the functions here poll its queues.
 * Provisioning twice is fine.
 */
class ExternalEndpointTest {

    @Test
    void provisions_an_external_endpoint_idempotently_and_polls_its_queues() throws Exception {
        Path state = Files.createTempDirectory("mallbots-external");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        FlowConsole console = new FlowConsole(new PrintStream(output, true, StandardCharsets.UTF_8));
        try (LocalAwsEndpoint external = LocalAwsEndpoint.start(0, "us-east-1", null)) {
            Options options = Options.parse("up", "--endpoint", external.uri().toString(), "--api-port", "0", "--console-port", "0",
                    "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString());
            try (LocalCloud first = LocalCloud.start(options, console)) {
                assertThat(first.awsEndpoint()).isEqualTo(external.uri());
            }
            try (LocalCloud second = LocalCloud.start(options, console)) {
                String id = "external-" + UUID.randomUUID();
                second.clients().events().putEvents(r -> r.entries(e -> e.eventBusName("testbus").source("test.shop")
                        .detailType("PaymentMade").detail("{\"id\":\"" + id + "\"}")));
                await("the payment consumed through the external endpoint").atMost(Duration.ofSeconds(15))
                .until(() -> Recorded.count("payments", id), count -> count == 1);
            }
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("its EventBridge cannot invoke functions hosted here");
    }
}
