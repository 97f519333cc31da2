package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mallbots.local.console.FlowConsole;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** --data-dir: DynamoDB's data outlives a run, and provisioning again keeps the existing tables. */
class DataDirTest {

    @Test
    void items_survive_a_restart_with_the_same_data_directory() throws Exception {
        Path data = Files.createTempDirectory("mallbots-data");
        Path state = Files.createTempDirectory("mallbots-state");
        FlowConsole quiet = new FlowConsole(new PrintStream(OutputStream.nullOutputStream()));
        Options options = Options.parse("up", "--port", "0", "--api-port", "0", "--console-port", "0", "--data-dir", data.toString(),
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString());
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("kept"), "sk", AttributeValue.fromN("1"));

        try (LocalCloud first = LocalCloud.start(options, quiet)) {
            first.clients().dynamo().putItem(r -> r.tableName("mallbots-records").item(item));
        }
        try (LocalCloud second = LocalCloud.start(options, quiet)) {
            assertThat(second.clients().dynamo().getItem(r -> r.tableName("mallbots-records").key(item)).item())
                    .isEqualTo(item);
        }
    }
}
