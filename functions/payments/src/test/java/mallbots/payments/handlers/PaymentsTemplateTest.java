package mallbots.payments.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mallbots.payments.PaymentsModule;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import org.junit.jupiter.api.Test;

/**
 * The payments section of template.yaml against the code: the rules route exactly what the events
 * function handles to its queue, the API events are the router's routes, the table is the one
 * ContextTable makes (and the tests use), and every handler is a class of this module.
 */
class PaymentsTemplateTest {

    private static final List<String> RULES = List.of("PaymentsConfirmPaymentRule", "PaymentsOrderEventsRule");

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theRulesRouteExactlyWhatTheEventsFunctionHandlesToTheQueue() {
        // building the module touches no table
        PaymentsModule module = PaymentsModule.create(new InMemoryDynamo(), "unused", RecordingPublisher.accepting());
        Set<String> handled = PaymentsSubscriptions.of(module).types().stream()
                .map(type -> type.source() + " " + type.detailType()).collect(Collectors.toSet());

        Set<String> routed = template.routedToQueue(RULES, "PaymentsQueue", "PaymentsDeadLetterQueue");

        assertThat(routed).isEqualTo(handled).containsExactlyInAnyOrder("mallbots.cosec ConfirmPayment",
                "mallbots.ordering OrderReadied", "mallbots.ordering OrderCanceled");
    }

    @Test
    void onlyThePaymentsRulesMaySendToTheQueueAndItsDeadLetterQueue() {
        Map<String, Object> policy = template.properties("PaymentsQueuePolicy");
        assertThat(list(policy.get("Queues"))).containsExactlyInAnyOrder(
                Map.of("Ref", "PaymentsQueue"), Map.of("Ref", "PaymentsDeadLetterQueue"));
        Map<String, Object> statement = map(list(map(policy.get("PolicyDocument")).get("Statement")).getFirst());
        assertThat(list(statement.get("Resource"))).containsExactlyInAnyOrder(
                Map.of("Fn::GetAtt", "PaymentsQueue.Arn"), Map.of("Fn::GetAtt", "PaymentsDeadLetterQueue.Arn"));
        Object sources = map(map(statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn");
        assertThat(list(sources)).containsExactlyInAnyOrderElementsOf(
                RULES.stream().map(id -> (Object) Map.of("Fn::GetAtt", id + ".Arn")).toList());
    }

    @Test
    void theEventsFunctionDrainsTheQueueReportingOnlyFailedRecords() {
        Map<String, Object> function = template.properties("PaymentsEvents");
        Map<String, Object> sqs = map(map(map(function.get("Events")).get("PaymentsQueueMessages")).get("Properties"));

        assertThat(sqs.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", "PaymentsQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        Map<String, Object> queue = template.properties("PaymentsQueue");
        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "PaymentsDeadLetterQueue.Arn"));
        assertThat(map(queue.get("RedrivePolicy")).get("maxReceiveCount")).isEqualTo(Map.of("Ref", "MaxReceiveCount"));
        // a parameter (the fault suite shortens it), by default at least six times the functions' Timeout
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeoutSeconds"));
        assertThat((Integer) map(template.parameters().get("QueueVisibilityTimeoutSeconds")).get("Default"))
                .isGreaterThanOrEqualTo(6 * 30);
    }

    @Test
    void theApiEventsAreTheRoutesOfTheRouter() {
        Map<String, Object> events = map(template.properties("PaymentsApi").get("Events"));
        List<String> declared = new ArrayList<>();
        for (Object event : events.values()) {
            assertThat(map(event).get("Type")).isEqualTo("HttpApi");
            Map<String, Object> route = map(map(event).get("Properties"));
            assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi"));
            declared.add(route.get("Method") + " " + route.get("Path"));
        }

        assertThat(declared).containsExactlyInAnyOrder(PaymentsRoutes.AUTHORIZE_PAYMENT,
                PaymentsRoutes.GET_PAYMENT, PaymentsRoutes.GET_INVOICE, PaymentsRoutes.PAY_INVOICE);
    }

    @Test
    void everyFunctionRunsAHandlerOfThePaymentsJarOnItsTable() throws ClassNotFoundException {
        for (String id : List.of("PaymentsApi", "PaymentsEvents", "PaymentsOutboxSweeper")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).as(id).isEqualTo("functions/payments/target/payments.jar");
            Class<?> handler = Class.forName((String) function.get("Handler"));
            assertThat(RequestHandler.class).as(id).isAssignableFrom(handler);
            assertThat(map(map(function.get("Environment")).get("Variables")).get("TABLE_NAME"))
                    .isEqualTo(Map.of("Ref", "PaymentsTable"));
            assertThat(list(function.get("Policies"))).containsExactlyInAnyOrder(
                    Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "PaymentsTable"))),
                    Map.of("EventBridgePutEventsPolicy", Map.of("EventBusName", Map.of("Ref", "EventBus"))));
        }
        Map<String, Object> sweep = map(map(template.properties("PaymentsOutboxSweeper").get("Events")).get("Sweep"));
        assertThat(sweep.get("Type")).isEqualTo("Schedule");
    }

    @Test
    void theTableIsTheOneContextTableMakes() {
        TableShape declared = TableShape.declared(template, "PaymentsTable");

        assertThat(declared).isEqualTo(TableShape.created(ContextTable.Keys.PARTITION, List.of()));
    }

    @Test
    void theSectionHoldsOnlyPaymentsResources() {
        List<String> ids = template.sectionResourceIds("payments");

        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Payments"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }
}
