package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mallbots.local.LocalCloud;
import mallbots.local.http.RouteTable;
import mallbots.local.lambda.HostedFunction;
import mallbots.local.template.Template;
import mallbots.schema.MessageSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ready {@code sam local invoke} events (events-schema/invoke/&lt;FunctionLogicalId&gt;.json),
 * one case per function of the expanded template, each given to its function in a running
 * system of its own as `sam local invoke` would give it. What the event is decides what it must do:
 * <ul>
 *   <li>an SQS event carries schema-valid messages from the function's own queue, and the function
 *       reports no failed record;
 *   <li>an HTTP API event is a route the template sends to that function, and is answered 201 for a
 *       POST, 200 for a GET; a GET reads what the context's own events event made (a checkout's
 *       order, a shopping list, a notification), so that event is given to its function first;
 *   <li>a scheduled event is EventBridge's "Scheduled Event", and the run reports no failure.
 * </ul>
 */
class InvokeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageSchemas SCHEMAS = MessageSchemas.load();
    private static final Template TEMPLATE = RepositoryTemplate.read();

    /** A system of its own: a POST's 201 and a GET's 200 hold on fresh tables (the shared system's customer exists). */
    private static SystemCloud system;

    @BeforeAll
    static void start() {
        system = SystemCloud.start(1);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    static Stream<String> functions() {
        return TEMPLATE.functions().stream().map(Template.Function::logicalId);
    }

    @Test
    void every_invoke_event_is_for_a_function_of_the_template() throws IOException {
        List<String> functions = functions().toList();
        try (Stream<Path> events = Files.list(RepositoryTemplate.ROOT.resolve("events-schema/invoke"))) {
            assertThat(events.map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")))
                    .as("invoke events without a function").allMatch(functions::contains);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void takes_its_invoke_event(String logicalId) throws IOException {
        Template.Function function = function(logicalId);
        Path file = RepositoryTemplate.invokeEvent(function);
        assertThat(file).as("%s's invoke event", logicalId).exists();
        JsonNode event = JSON.readTree(file.toFile());

        if (event.has("Records")) {
            takesItsQueuesMessages(function, event);
        } else if (event.has("routeKey")) {
            answersItsRoute(function, event);
        } else {
            runsOnSchedule(function, event);
        }
    }

    private static void takesItsQueuesMessages(Template.Function function, JsonNode event) {
        String queue = TEMPLATE.queueByArn(function.queueMappings().getFirst().queueArn()).orElseThrow().name();
        assertThat(event.get("Records")).as("records").isNotEmpty().allSatisfy(record -> {
            String body = record.get("body").asText();
            assertThat(SCHEMAS.validateEvent(body)).as("schema findings in %s", body).isEmpty();
            // the events name AWS's sample account, the local cloud its own: the queue's name is what counts
            assertThat(record.get("eventSourceARN").asText()).as("the record's queue").endsWith(":" + queue);
        });

        JsonNode output = output(invoke(function, event));

        assertThat(output.get("batchItemFailures")).as("%s's failed records", function.logicalId()).isEmpty();
    }

    private static void answersItsRoute(Template.Function function, JsonNode event) {
        String method = event.get("requestContext").get("http").get("method").asText();
        Optional<RouteTable.Match> route = new RouteTable(TEMPLATE.routes()).match(method, event.get("rawPath").asText());
        assertThat(route).as("a template route for %s", event.get("routeKey").asText()).isPresent();
        assertThat(route.get().route().functionName()).isEqualTo(function.name());
        if (method.equals("GET")) {
            eventsFunctionOf(function).ifPresent(events -> takesItsQueuesMessages(events,
                    readTree(RepositoryTemplate.read(RepositoryTemplate.invokeEvent(events)))));
        }

        JsonNode output = output(invoke(function, event));

        assertThat(output.get("statusCode").asInt()).as("%s answered %s", function.logicalId(), output)
                .isEqualTo(method.equals("POST") ? 201 : 200);
    }

    private static void runsOnSchedule(Template.Function function, JsonNode event) {
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");

        JsonNode output = output(invoke(function, event));

        // "swept 3 items: 3 events published, 0 failed", "0 sagas overdue: 0 resent, 0 timed out, 0 failed"
        assertThat(output.asText()).as("%s's run", function.logicalId()).endsWith(", 0 failed");
    }

    private static HostedFunction.Invocation invoke(Template.Function function, JsonNode event) {
        LocalCloud cloud = system.local();
        HostedFunction.Invocation invocation = cloud.host().function(function.name()).invoke(event.toString());
        assertThat(invocation.failed()).as("%s: %s", function.logicalId(), invocation.errorText()).isFalse();
        return invocation;
    }

    private static JsonNode output(HostedFunction.Invocation invocation) {
        assertThat(invocation.output()).as("the function's answer").isNotBlank();
        return readTree(invocation.output());
    }

    /** The events function of the API function's context (same jar), if it has one. */
    private static Optional<Template.Function> eventsFunctionOf(Template.Function api) {
        return TEMPLATE.functions().stream()
                .filter(f -> f.codeUri().equals(api.codeUri()) && !f.queueMappings().isEmpty())
                .findFirst();
    }

    private static Template.Function function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
