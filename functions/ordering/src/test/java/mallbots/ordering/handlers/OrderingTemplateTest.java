package mallbots.ordering.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mallbots.ordering.OrderingModule;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import org.junit.jupiter.api.Test;

/**
 * The ordering section of template.yaml against the code: the rules route exactly the messages
 * the events function handles to its queue, the API events are the router's routes, the table is
 * the one ContextTable makes for the tests, and every handler is a class of this module.
 */
class OrderingTemplateTest {

    private static final List<String> RULES = List.of("OrderingBasketCheckedOutRule",
            "OrderingShoppingListCompletedRule", "OrderingInvoicePaidRule", "OrderingCommandsRule");

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theRulesRouteExactlyWhatTheEventsFunctionHandlesToTheQueue() {
        // building the module touches no table
        OrderingModule module = OrderingModule.create(new InMemoryDynamo(), "unused", RecordingPublisher.accepting());
        Set<String> handled = OrderingSubscriptions.of(module).types().stream()
                .map(OrderingTemplateTest::sourceAndType).collect(Collectors.toSet());

        Set<String> routed = template.routedToQueue(RULES, "OrderingQueue", "OrderingDeadLetterQueue");

        assertThat(routed).isEqualTo(handled).containsExactlyInAnyOrder("mallbots.baskets BasketCheckedOut",
                "mallbots.depot ShoppingListCompleted", "mallbots.payments InvoicePaid",
                "mallbots.cosec ApproveOrder", "mallbots.cosec RejectOrder");
    }

    @Test
    void onlyTheOrderingRulesMaySendToTheQueueAndItsDeadLetterQueue() {
        Map<String, Object> policy = template.properties("OrderingQueuePolicy");
        assertThat(list(policy.get("Queues"))).containsExactlyInAnyOrder(Map.of("Ref", "OrderingQueue"),
                Map.of("Ref", "OrderingDeadLetterQueue"));
        Map<String, Object> statement = map(list(map(policy.get("PolicyDocument")).get("Statement")).getFirst());
        Object sources = map(map(statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn");

        assertThat(list(sources)).containsExactlyInAnyOrderElementsOf(
                RULES.stream().map(rule -> (Object) Map.of("Fn::GetAtt", rule + ".Arn")).toList());
    }

    @Test
    void theEventsFunctionDrainsTheQueueReportingOnlyFailedRecords() {
        Map<String, Object> events = map(template.properties("OrderingEvents").get("Events"));
        assertThat(events).hasSize(1);
        Map<String, Object> sqs = map(map(events.values().iterator().next()).get("Properties"));

        assertThat(sqs.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", "OrderingQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        Map<String, Object> queue = template.properties("OrderingQueue");
        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "OrderingDeadLetterQueue.Arn"));
        assertThat(map(queue.get("RedrivePolicy")).get("maxReceiveCount"))
                .isEqualTo(Map.of("Ref", "MaxReceiveCount"));
        // a parameter (the fault suite shortens it), by default at least six times the functions' Timeout
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeoutSeconds"));
        assertThat((Integer) map(template.parameters().get("QueueVisibilityTimeoutSeconds")).get("Default"))
                .isGreaterThanOrEqualTo(6 * 30);
    }

    @Test
    void theApiEventsAreTheRoutesOfTheRouter() {
        List<String> declared = new ArrayList<>();
        for (Object event : map(template.properties("OrderingApi").get("Events")).values()) {
            assertThat(map(event).get("Type")).isEqualTo("HttpApi");
            Map<String, Object> route = map(map(event).get("Properties"));
            assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi"));
            declared.add(route.get("Method") + " " + route.get("Path"));
        }

        assertThat(declared).containsExactlyInAnyOrder(OrderingRoutes.GET, OrderingRoutes.CANCEL);
    }

    @Test
    void everyFunctionRunsAHandlerOfTheOrderingJarOnItsTable() throws ClassNotFoundException {
        for (String id : List.of("OrderingApi", "OrderingEvents", "OrderingOutboxSweeper")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).as(id).isEqualTo("functions/ordering/target/ordering.jar");
            Class<?> handler = Class.forName((String) function.get("Handler"));
            assertThat(RequestHandler.class).as(id).isAssignableFrom(handler);
            assertThat(map(map(function.get("Environment")).get("Variables")).get("TABLE_NAME"))
                    .isEqualTo(Map.of("Ref", "OrderingTable"));
            assertThat(list(function.get("Policies"))).as(id).containsExactlyInAnyOrder(
                    Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "OrderingTable"))),
                    Map.of("EventBridgePutEventsPolicy", Map.of("EventBusName", Map.of("Ref", "EventBus"))));
        }
        Map<String, Object> sweep = map(map(template.properties("OrderingOutboxSweeper").get("Events")).get("Sweep"));
        assertThat(sweep.get("Type")).isEqualTo("Schedule");
        assertThat(map(sweep.get("Properties")).get("Schedule")).isEqualTo("rate(1 minute)");
    }

    @Test
    void theTableIsTheOneContextTableMakes() {
        TableShape declared = TableShape.declared(template, "OrderingTable");

        assertThat(declared).isEqualTo(TableShape.created(ContextTable.Keys.PARTITION_AND_SORT, List.of()));
    }

    @Test
    void theSectionHoldsOnlyOrderingResources() {
        List<String> ids = template.sectionResourceIds("ordering");

        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Ordering"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }

    private static String sourceAndType(MessageType<?> type) {
        return type.source() + " " + type.detailType();
    }
}
