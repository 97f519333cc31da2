package mallbots.stores.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.getAtt;
import static mallbots.platform.testing.CloudFormationTemplate.keySchema;
import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static mallbots.platform.testing.CloudFormationTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.stores.adapters.StoresTable;
import mallbots.stores.handlers.StoresApi.Response;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml deploys is what the tests run: the table the adapters need (keys, GSIs),
 * a route for every handler, the handlers' class names, and a ready invoke event.
 */
class DeploymentTest {

    private static final Path ROOT = Path.of("../..");
    private final CloudFormationTemplate template = CloudFormationTemplate.load(ROOT.resolve("template.yaml"));

    @Test
    void theTableHasTheKeysAndIndexesTheAdaptersUse() {
        Map<String, Object> table = template.properties("StoresTable");

        assertThat(keySchema(table.get("KeySchema"))).containsExactly("pk HASH", "sk RANGE");
        Map<String, String> declared = new LinkedHashMap<>();
        for (Object attribute : list(table.get("AttributeDefinitions"))) {
            declared.put((String) map(attribute).get("AttributeName"), (String) map(attribute).get("AttributeType"));
        }
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        for (Object index : list(table.get("GlobalSecondaryIndexes"))) {
            assertThat(map(index).get("Projection")).isEqualTo(Map.of("ProjectionType", "ALL"));
            indexes.put((String) map(index).get("IndexName"), keySchema(map(index).get("KeySchema")));
        }

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(ContextTable.OUTBOX_INDEX,
                List.of(ContextTable.OUTBOX_PENDING + " HASH", ContextTable.OUTBOX_SINCE + " RANGE"));
        Map<String, String> expectedAttributes = new LinkedHashMap<>(Map.of("pk", "S", "sk", "N",
                ContextTable.OUTBOX_PENDING, "S", ContextTable.OUTBOX_SINCE, "S"));
        for (ContextTable.Index index : StoresTable.INDEXES) {
            expected.put(index.name(), List.of(index.hashKey() + " HASH", index.rangeKey() + " RANGE"));
            expectedAttributes.put(index.hashKey(), "S");
            expectedAttributes.put(index.rangeKey(), "S");
        }
        assertThat(indexes).isEqualTo(expected);
        assertThat(declared).isEqualTo(expectedAttributes);
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void everyRouteOfTheTemplateReachesItsHandler() {
        Map<String, Object> api = template.properties("StoresApi");
        assertThat(api.get("Handler")).isEqualTo(StoresApiFunction.class.getName());
        assertThat(api.get("CodeUri")).isEqualTo("functions/stores/target/stores.jar");
        assertThat(environment(api)).containsEntry("TABLE_NAME", ref("StoresTable"));

        StoresApi stores = new StoresApi(StoresApi.newTable());
        Set<String> routeKeys = new HashSet<>();
        for (Object event : ((Map<?, ?>) api.get("Events")).values()) {
            Map<?, ?> definition = (Map<?, ?>) event;
            assertThat(definition.get("Type")).isEqualTo("HttpApi");
            Map<?, ?> route = (Map<?, ?>) definition.get("Properties");
            assertThat(route.get("ApiId")).isEqualTo(ref("HttpApi"));
            String routeKey = route.get("Method") + " " + route.get("Path");
            routeKeys.add(routeKey);
            String path = ((String) route.get("Path")).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            ApiGatewayEvents request = ApiGatewayEvents.route(routeKey).path(path);
            if (!route.get("Method").equals("GET") && !route.get("Method").equals("DELETE")) {
                request.json("{}");
            }

            Response response = stores.send(request.build());

            // an unknown id or a missing field, never "no route" nor a crash
            assertThat(response.status()).as(routeKey).isIn(200, 400, 404);
            assertThat(response.body().path("message").asText()).as(routeKey).doesNotStartWith("no route");
        }
        assertThat(routeKeys).hasSize(14);
    }

    @Test
    void theSweeperSweepsTheStoresTableEveryMinuteAndAFailedSweepEndsInTheSweepersDlq() {
        Map<String, Object> sweeper = template.properties("StoresOutboxSweeper");

        assertThat(sweeper.get("Handler")).isEqualTo(OutboxSweeperFunction.class.getName());
        assertThat(sweeper.get("CodeUri")).isEqualTo("functions/stores/target/stores.jar");
        assertThat(environment(sweeper)).containsEntry("TABLE_NAME", ref("StoresTable"));
        assertThat(sweeper.get("Events")).isEqualTo(Map.of("Sweep",
                Map.of("Type", "Schedule", "Properties", Map.of("Schedule", "rate(1 minute)",
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 60),
                        "DeadLetterConfig", Map.of("Arn", getAtt("SweepersDeadLetterQueue.Arn"))))));
        assertThat(template.resources()).doesNotContainKeys("StoresEvents", "StoresQueue");
    }

    @Test
    void theInvokeEventsAreReady() throws IOException {
        ObjectMapper lenient = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        APIGatewayV2HTTPEvent event = lenient.readValue(
                ROOT.resolve("events-schema/invoke/StoresApi.json").toFile(), APIGatewayV2HTTPEvent.class);
        StoresApi stores = new StoresApi(StoresApi.newTable());

        Response created = stores.send(event);

        assertThat(created.status()).isEqualTo(201);
        assertThat(stores.send("GET /api/stores/{id}", "/api/stores/" + created.text("id")).body()
                .get("name").asText()).isEqualTo("Corner Shop");

        JsonNode scheduled = lenient.readTree(ROOT.resolve("events-schema/invoke/StoresOutboxSweeper.json").toFile());
        assertThat(scheduled.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(scheduled.get("source").asText()).isEqualTo("aws.events");
    }

    private static Map<String, Object> environment(Map<String, Object> function) {
        return map(map(function.get("Environment")).get("Variables"));
    }
}
