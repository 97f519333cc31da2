package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mallbots.local.LocalCloud;
import mallbots.local.Options;
import mallbots.local.runtime.Invoke;
import mallbots.local.template.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mallbots invoke <Function> -e events-schema/invoke/<Function>.json} for every function
 * of template.yaml: its jar in a JVM of its own under the official runtime interface client,
 * talking to the running local cloud, answers its invoke event with no error, no 5xx and no
 * failed record; the function's log and a REPORT line go to stderr.
 */
class InvokeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_function_jar_answers_its_invoke_event_under_the_runtime_interface_client(@TempDir Path state) throws Exception {
        LocalCloud cloud = SystemCloud.shared().local();
        for (Template.Function function : cloud.template().functions()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = Invoke.run(Options.parse("invoke", function.logicalId(),
                    "-e", RepositoryTemplate.invokeEvent(function).toString(),
                    "--endpoint", cloud.awsEndpoint().toString(),
                    "--template", RepositoryTemplate.TEMPLATE.toString(), "--state-dir", state.toString()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            String log = err.toString(StandardCharsets.UTF_8);
            String answer = out.toString(StandardCharsets.UTF_8).strip();
            assertThat(exit).as("%s exit code; answer %s; log:%n%s", function.logicalId(), answer, log).isZero();
            assertThat(log).as(function.logicalId()).contains("REPORT RequestId: ").contains("Init Duration: ");
            JsonNode output = answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
            if (output.has("statusCode")) {
                assertThat(output.get("statusCode").asInt()).as("%s answered %s", function.logicalId(), output)
                        .isLessThan(500);
            }
            if (output.has("batchItemFailures")) {
                assertThat(output.get("batchItemFailures")).as("%s failed records; log:%n%s", function.logicalId(), log)
                        .isEmpty();
            }
        }
    }

    @Test
    void a_failing_function_prints_its_error_and_exits_1(@TempDir Path state) throws Exception {
        LocalCloud cloud = SystemCloud.shared().local();
        Path notAnSqsEvent = Files.writeString(state.resolve("event.json"), "{\"Records\": \"not a list\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Invoke.run(Options.parse("invoke", "CustomersEvents", "-e", notAnSqsEvent.toString(),
                "--endpoint", cloud.awsEndpoint().toString(),
                "--template", RepositoryTemplate.TEMPLATE.toString(), "--state-dir", state.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(exit).isEqualTo(1);
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("errorMessage").asText()).isNotBlank();
    }
}
