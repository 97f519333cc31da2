package mallbots.baskets.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mallbots.baskets.BasketsModule;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import org.junit.jupiter.api.Test;

/**
 * The baskets section of template.yaml against the code: the rule routes exactly what the events
 * function handles, the routes are the router's, the table is the one ContextTable makes (and the
 * tests use), and every handler is a class of this module.
 */
class BasketsTemplateTest {

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theStoresRuleRoutesExactlyTheTypesTheEventsFunctionHandlesToTheQueue() {
        Map<String, Object> rule = template.properties("BasketsStoreEventsRule");
        Map<String, Object> pattern = map(rule.get("EventPattern"));
        // building the module touches no table
        BasketsModule module = BasketsModule.create(new InMemoryDynamo(), "unused", RecordingPublisher.accepting());
        List<MessageType<?>> types = BasketsSubscriptions.of(module)
                .types();
        Set<String> handled = types.stream().map(MessageType::detailType).collect(Collectors.toSet());
        Set<String> handledSources = types.stream().map(MessageType::source).collect(Collectors.toSet());

        assertThat(rule.get("EventBusName")).isEqualTo(Map.of("Ref", "EventBus"));
        assertThat(Set.copyOf(list(pattern.get("detail-type")))).isEqualTo(handled).doesNotContain(
                "StoreParticipationToggled");
        assertThat(Set.copyOf(list(pattern.get("source")))).isEqualTo(handledSources);
        Map<String, Object> target = map(list(rule.get("Targets")).getFirst());
        assertThat(target.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", "BasketsQueue.Arn"));
        assertThat(map(target.get("RetryPolicy"))).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
        assertThat(map(target.get("DeadLetterConfig")).get("Arn"))
                .isEqualTo(Map.of("Fn::GetAtt", "BasketsDeadLetterQueue.Arn"));
    }

    @Test
    void theEventsFunctionDrainsTheQueueReportingOnlyFailedRecords() {
        Map<String, Object> function = template.properties("BasketsEvents");
        Map<String, Object> sqs = map(map(map(function.get("Events")).get("StoresEvents")).get("Properties"));

        assertThat(sqs.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", "BasketsQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        Map<String, Object> queue = template.properties("BasketsQueue");
        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "BasketsDeadLetterQueue.Arn"));
        // a parameter (the fault suite shortens it), by default at least six times the functions' Timeout
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeoutSeconds"));
        assertThat((Integer) map(template.parameters().get("QueueVisibilityTimeoutSeconds")).get("Default"))
                .isGreaterThanOrEqualTo(6 * 30);
    }

    @Test
    void theApiEventsAreTheRoutesOfTheRouter() {
        Map<String, Object> events = map(template.properties("BasketsApi").get("Events"));
        List<String> declared = new ArrayList<>();
        for (Object event : events.values()) {
            assertThat(map(event).get("Type")).isEqualTo("HttpApi");
            Map<String, Object> route = map(map(event).get("Properties"));
            assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi"));
            declared.add(route.get("Method") + " " + route.get("Path"));
        }

        assertThat(declared).containsExactlyInAnyOrder(BasketsRoutes.START, BasketsRoutes.GET, BasketsRoutes.CANCEL,
                BasketsRoutes.ADD_ITEM, BasketsRoutes.REMOVE_ITEM, BasketsRoutes.CHECKOUT);
    }

    @Test
    void everyFunctionRunsAHandlerOfTheBasketsJarOnItsTable() throws ClassNotFoundException {
        for (String id : List.of("BasketsApi", "BasketsEvents", "BasketsOutboxSweeper")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).as(id).isEqualTo("functions/baskets/target/baskets.jar");
            Class<?> handler = Class.forName((String) function.get("Handler"));
            assertThat(RequestHandler.class).as(id).isAssignableFrom(handler);
            assertThat(map(map(function.get("Environment")).get("Variables")).get("TABLE_NAME"))
                    .isEqualTo(Map.of("Ref", "BasketsTable"));
            assertThat(list(function.get("Policies")))
                    .contains(Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "BasketsTable"))));
        }
        Map<String, Object> sweep = map(map(template.properties("BasketsOutboxSweeper").get("Events")).get("Sweep"));
        assertThat(sweep.get("Type")).isEqualTo("Schedule");
    }

    @Test
    void theTableIsTheOneContextTableMakes() {
        TableShape declared = TableShape.declared(template, "BasketsTable");

        assertThat(declared).isEqualTo(TableShape.created(ContextTable.Keys.PARTITION_AND_SORT, List.of()));
    }

    @Test
    void theSectionHoldsOnlyBasketsResources() {
        List<String> ids = template.sectionResourceIds("baskets");

        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Baskets"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }
}
