package mallbots.depot.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mallbots.depot.DepotModule;
import mallbots.depot.adapters.DepotTable;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import org.junit.jupiter.api.Test;

/**
 * The depot section of template.yaml against the code: the rules route exactly what the events
 * function handles, the routes are the router's, the table is the one ContextTable makes with
 * depot's GSI (and the tests use), and every handler is a class of this module.
 */
class DepotTemplateTest {

    private static final List<String> RULES = List.of("DepotStoreEventsRule", "DepotCommandsRule",
            "DepotOrderingEventsRule");

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theRulesRouteExactlyTheTypesTheEventsFunctionHandlesToTheQueue() {
        // building the module touches no table
        DepotModule module = DepotModule.create(new InMemoryDynamo(), "unused", RecordingPublisher.accepting());
        Set<String> handled = DepotSubscriptions.of(module).types().stream()
                .map(type -> type.source() + " " + type.detailType()).collect(Collectors.toSet());

        Set<String> routed = template.routedToQueue(RULES, "DepotQueue", "DepotDeadLetterQueue");

        assertThat(routed).isEqualTo(handled).contains("mallbots.cosec CreateShoppingList",
                "mallbots.ordering OrderCanceled").doesNotContain("mallbots.stores ProductPriceIncreased");
        Map<String, Object> condition = map(map(map(list(map(template.properties("DepotQueuePolicy")
                .get("PolicyDocument")).get("Statement")).getFirst()).get("Condition")).get("ArnEquals"));
        assertThat(list(condition.get("aws:SourceArn"))).containsExactlyInAnyOrderElementsOf(
                RULES.stream().map(id -> (Object) Map.of("Fn::GetAtt", id + ".Arn")).toList());
    }

    @Test
    void theEventsFunctionDrainsTheQueueReportingOnlyFailedRecords() {
        Map<String, Object> function = template.properties("DepotEvents");
        Map<String, Object> sqs = map(map(map(function.get("Events")).get("DepotMessages")).get("Properties"));

        assertThat(sqs.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", "DepotQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        Map<String, Object> queue = template.properties("DepotQueue");
        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "DepotDeadLetterQueue.Arn"));
        // a parameter (the fault suite shortens it), by default at least six times the functions' Timeout
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeoutSeconds"));
        assertThat((Integer) map(template.parameters().get("QueueVisibilityTimeoutSeconds")).get("Default"))
                .isGreaterThanOrEqualTo(6 * 30);
    }

    @Test
    void theApiEventsAreTheRoutesOfTheRouter() {
        List<String> declared = new ArrayList<>();
        for (Object event : map(template.properties("DepotApi").get("Events")).values()) {
            assertThat(map(event).get("Type")).isEqualTo("HttpApi");
            Map<String, Object> route = map(map(event).get("Properties"));
            assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi"));
            declared.add(route.get("Method") + " " + route.get("Path"));
        }

        assertThat(declared).containsExactlyInAnyOrder(DepotRoutes.GET, DepotRoutes.ASSIGN, DepotRoutes.COMPLETE,
                DepotRoutes.CANCEL);
    }

    @Test
    void everyFunctionRunsAHandlerOfTheDepotJarOnItsTable() throws ClassNotFoundException {
        for (String id : List.of("DepotApi", "DepotEvents", "DepotOutboxSweeper")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).as(id).isEqualTo("functions/depot/target/depot.jar");
            Class<?> handler = Class.forName((String) function.get("Handler"));
            assertThat(RequestHandler.class).as(id).isAssignableFrom(handler);
            assertThat(map(map(function.get("Environment")).get("Variables")).get("TABLE_NAME"))
                    .isEqualTo(Map.of("Ref", "DepotTable"));
            assertThat(list(function.get("Policies"))).contains(
                    Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "DepotTable"))),
                    Map.of("EventBridgePutEventsPolicy", Map.of("EventBusName", Map.of("Ref", "EventBus"))));
        }
        Map<String, Object> sweep = map(map(template.properties("DepotOutboxSweeper").get("Events")).get("Sweep"));
        assertThat(sweep.get("Type")).isEqualTo("Schedule");
    }

    @Test
    void theTableIsTheOneContextTableMakesWithTheByOrderIndex() {
        TableShape declared = TableShape.declared(template, "DepotTable");

        assertThat(declared).isEqualTo(TableShape.created(DepotTable.KEYS, DepotTable.INDEXES));
        assertThat(declared.indexes()).containsKeys("outbox", DepotTable.BY_ORDER_INDEX);
    }

    @Test
    void theSectionHoldsOnlyDepotResources() {
        List<String> ids = template.sectionResourceIds("depot");

        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Depot"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }
}
