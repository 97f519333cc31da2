package mallbots.notifications.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mallbots.notifications.NotificationsModule;
import mallbots.notifications.adapters.LoggingNotificationSender;
import mallbots.notifications.adapters.NotificationsTable;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import org.junit.jupiter.api.Test;

/**
 * The notifications section of template.yaml against the code: the rules route exactly what the
 * events function handles, the route is the router's, the table is the one ContextTable makes
 * with the byCustomer GSI, SMS is switched by the SmsEnabled parameter, and every handler is a
 * class of this module.
 */
class NotificationsTemplateTest {

    private static final List<String> RULES = List.of("NotificationsCustomerEventsRule",
            "NotificationsOrderEventsRule");

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theRulesRouteExactlyTheTypesTheEventsFunctionHandlesToTheQueue() {
        // building the module touches no table
        NotificationsModule module = NotificationsModule.create(new InMemoryDynamo(), "unused",
                RecordingPublisher.accepting(), new LoggingNotificationSender(), Clock.systemUTC());
        Set<String> handled = NotificationsSubscriptions.of(module).types().stream()
                .map(type -> type.source() + " " + type.detailType()).collect(Collectors.toSet());

        Set<String> routed = template.routedToQueue(RULES, "NotificationsQueue", "NotificationsDeadLetterQueue");

        assertThat(routed).isEqualTo(handled).containsExactlyInAnyOrder(
                "mallbots.customers CustomerRegistered", "mallbots.customers CustomerSmsChanged",
                "mallbots.ordering OrderCreated", "mallbots.ordering OrderReadied",
                "mallbots.ordering OrderCompleted", "mallbots.ordering OrderCanceled");
        Map<String, Object> condition = map(map(map(list(map(template.properties("NotificationsQueuePolicy")
                .get("PolicyDocument")).get("Statement")).getFirst()).get("Condition")).get("ArnEquals"));
        assertThat(list(condition.get("aws:SourceArn"))).containsExactlyInAnyOrderElementsOf(
                RULES.stream().map(id -> (Object) Map.of("Fn::GetAtt", id + ".Arn")).toList());
    }

    @Test
    void theEventsFunctionDrainsTheQueueReportingOnlyFailedRecordsIntoADeadLetterQueue() {
        Map<String, Object> function = template.properties("NotificationsEvents");
        Map<String, Object> sqs = map(map(map(function.get("Events")).get("NotificationsMessages")).get("Properties"));

        assertThat(sqs.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", "NotificationsQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        Map<String, Object> queue = template.properties("NotificationsQueue");
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertThat(redrive.get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "NotificationsDeadLetterQueue.Arn"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(Map.of("Ref", "MaxReceiveCount"));
        // a parameter (the fault suite shortens it), by default at least six times the functions' Timeout
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeoutSeconds"));
        assertThat((Integer) map(template.parameters().get("QueueVisibilityTimeoutSeconds")).get("Default"))
                .isGreaterThanOrEqualTo(6 * 30);
    }

    @Test
    void smsIsSwitchedByTheSmsEnabledParameterOffByDefault() {
        Map<String, Object> parameter = map(template.parameters().get("SmsEnabled"));
        assertThat(parameter.get("Default")).isEqualTo("false");
        assertThat(list(parameter.get("AllowedValues"))).containsExactlyInAnyOrder("true", "false");

        Map<String, Object> function = template.properties("NotificationsEvents");
        assertThat(map(map(function.get("Environment")).get("Variables")).get(NotificationsModule.SMS_ENABLED))
                .isEqualTo(Map.of("Ref", "SmsEnabled"));
        assertThat(list(function.get("Policies"))).anySatisfy(policy -> assertThat(String.valueOf(policy))
                .contains("sns:Publish"));
        assertThat(String.valueOf(template.properties("NotificationsApi").get("Policies")))
                .doesNotContain("sns:");
    }

    @Test
    void theApiEventIsTheRouteOfTheRouter() {
        List<String> declared = new ArrayList<>();
        for (Object event : map(template.properties("NotificationsApi").get("Events")).values()) {
            assertThat(map(event).get("Type")).isEqualTo("HttpApi");
            Map<String, Object> route = map(map(event).get("Properties"));
            assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi"));
            declared.add(route.get("Method") + " " + route.get("Path"));
        }

        assertThat(declared).containsExactly(NotificationsRoutes.LIST);
    }

    @Test
    void everyFunctionRunsAHandlerOfTheNotificationsJarOnItsTable() throws ClassNotFoundException {
        for (String id : List.of("NotificationsApi", "NotificationsEvents")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).as(id).isEqualTo("functions/notifications/target/notifications.jar");
            Class<?> handler = Class.forName((String) function.get("Handler"));
            assertThat(RequestHandler.class).as(id).isAssignableFrom(handler);
            assertThat(map(map(function.get("Environment")).get("Variables")).get("TABLE_NAME"))
                    .isEqualTo(Map.of("Ref", "NotificationsTable"));
        }
        assertThat(list(template.properties("NotificationsEvents").get("Policies"))).contains(
                Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "NotificationsTable"))));
        assertThat(list(template.properties("NotificationsApi").get("Policies"))).containsExactly(
                Map.of("DynamoDBReadPolicy", Map.of("TableName", Map.of("Ref", "NotificationsTable"))));
    }

    @Test
    void theTableIsTheOneContextTableMakesWithTheByCustomerIndex() {
        TableShape declared = TableShape.declared(template, "NotificationsTable");

        assertThat(declared).isEqualTo(TableShape.created(NotificationsTable.KEYS, NotificationsTable.INDEXES));
        assertThat(declared.indexes()).containsKeys("outbox", NotificationsTable.BY_CUSTOMER_INDEX);
    }

    @Test
    void theSectionHoldsOnlyNotificationsResources() throws IOException {
        String text = Files.readString(template.path());
        int start = text.indexOf("# ================================================================ notifications");
        int end = text.indexOf("# (end of notifications)");
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        Matcher resource = Pattern.compile("(?m)^  ([A-Za-z0-9]+):$").matcher(text.substring(start, end));
        List<String> ids = new ArrayList<>();
        while (resource.find()) {
            ids.add(resource.group(1));
        }

        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Notifications"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }

    private static List<String> keys(Object keySchema) {
        return list(keySchema).stream().map(CloudFormationTemplate::map)
                .map(k -> k.get("AttributeName") + " " + k.get("KeyType")).toList();
    }
}
