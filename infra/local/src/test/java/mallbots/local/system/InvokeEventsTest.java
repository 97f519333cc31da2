package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mallbots.local.LocalCloud;
import mallbots.local.lambda.HostedFunction;
import mallbots.local.template.Template;
import org.junit.jupiter.api.Test;

/**
 * Each function of template.yaml takes its ready invoke event (events-schema/invoke) as
 * `sam local invoke` would give it, in the running system: no error, no 5xx, no failed record.
 */
class InvokeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_function_handles_its_invoke_event() throws Exception {
        LocalCloud cloud = SystemCloud.get();
        assertThat(cloud.template().functions()).isNotEmpty();
        for (Template.Function function : cloud.template().functions()) {
            String event = RepositoryTemplate.read(RepositoryTemplate.invokeEvent(function));

            HostedFunction.Invocation invocation = cloud.host().function(function.name()).invoke(event);

            assertThat(invocation.failed()).as("%s: %s", function.logicalId(), invocation.errorText()).isFalse();
            JsonNode output = invocation.output() == null || invocation.output().isBlank()
                    ? JSON.nullNode() : JSON.readTree(invocation.output());
            if (output.has("statusCode")) {
                assertThat(output.get("statusCode").asInt()).as("%s answered %s", function.logicalId(), output)
                        .isLessThan(500);
            }
            if (output.has("batchItemFailures")) {
                assertThat(output.get("batchItemFailures")).as("%s failed records", function.logicalId()).isEmpty();
            }
        }
    }
}
