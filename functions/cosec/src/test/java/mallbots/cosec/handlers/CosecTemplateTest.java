package mallbots.cosec.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.getAtt;
import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static mallbots.platform.testing.CloudFormationTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mallbots.cosec.CosecModule;
import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/**
 * The cosec section of template.yaml against the code: its rules, run by event-ruler (the engine
 * of EventBridge and of the local cloud), route exactly OrderCreated and the replies addressed to
 * cosec to the queue the events function drains; the table is the one ContextTable makes.
 */
class CosecTemplateTest {

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theRulesRouteOrderCreatedOrderCanceledAndEveryReplyToCosecAndNothingElse() throws Exception {
        Machine rules = new Machine();
        for (String rule : List.of("CosecOrderCreatedRule", "CosecOrderCanceledRule", "CosecRepliesRule")) {
            Map<String, Object> properties = template.properties(rule);
            assertThat(properties.get("EventBusName")).isEqualTo(ref("EventBus"));
            rules.addRule(rule, Json.mapper().writeValueAsString(properties.get("EventPattern")));
        }
        // real replies to real commands, as the participants publish them
        CosecTestbed testbed = new CosecTestbed();
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        testbed.deliver(created);
        // the three commands sent together, then InitiateShopping, then ApproveOrder
        testbed.deliver(testbed.commands().stream()
                .map(command -> Participants.succeed(command, CosecTestbed.id())).toArray(Message<?>[]::new));
        for (int step = 3; step <= 4; step++) {
            testbed.deliver(Participants.succeed(testbed.lastCommand(), CosecTestbed.id()));
        }
        assertThat(testbed.commands()).hasSize(5);
        List<Message<?>> commands = new ArrayList<>(testbed.commands());
        commands.add(new Message<>(CosecMessages.REJECT_ORDER, commands.getLast().metadata(),
                new RejectOrderCommand(created.data().orderId())));
        commands.add(new Message<>(CosecMessages.CANCEL_SHOPPING_LIST, commands.getLast().metadata(),
                new CancelShoppingListCommand(CosecTestbed.id())));

        Set<String> routedReplies = new HashSet<>();
        for (Message<?> command : commands) {
            Message<?> reply = Participants.succeed(command, CosecTestbed.id());
            Message<?> failure = Participants.fail(command, "refused");
            assertThat(rules.rulesForJSONEvent(event(reply))).as(reply.detailType()).containsExactly("CosecRepliesRule");
            assertThat(rules.rulesForJSONEvent(event(failure))).containsExactly("CosecRepliesRule");
            // a reply to another orchestrator is not ours; nor are the commands themselves
            Message<?> elsewhere = reply.withMetadata(m -> m.withSaga(m.sagaId(), m.sagaName(), "mallbots.other"));
            assertThat(rules.rulesForJSONEvent(event(elsewhere))).isEmpty();
            assertThat(rules.rulesForJSONEvent(event(command))).isEmpty();
            routedReplies.add(reply.detailType());
        }
        assertThat(rules.rulesForJSONEvent(event(created))).containsExactly("CosecOrderCreatedRule");
        Message<OrderCanceled> canceled = OrderingMessages.ORDER_CANCELED.create(new OrderCanceled(
                created.data().orderId(), created.data().customerId(), created.data().paymentId(), null))
                .withMetadata(m -> m.withAggregate(created.data().orderId(), 2));
        assertThat(rules.rulesForJSONEvent(event(canceled))).containsExactly("CosecOrderCanceledRule");
        Message<?> storeCreated = StoresMessages.STORE_CREATED.create(
                new StoreCreated(CosecTestbed.id(), "Robot Supplies", "Level 1"))
                .withMetadata(m -> m.withAggregate(CosecTestbed.id(), 1));
        assertThat(rules.rulesForJSONEvent(event(storeCreated))).isEmpty();

        // what the rules route is exactly what the events function handles
        CosecModule module = CosecModule.create(new InMemoryDynamo(), "unused", RecordingPublisher.accepting());
        Set<String> handled = CosecSubscriptions.of(module).types().stream().map(MessageType::detailType)
                .collect(Collectors.toSet());
        Set<String> routed = new HashSet<>(routedReplies);
        routed.add("OrderCreated");
        routed.add("OrderCanceled");
        assertThat(handled).isEqualTo(routed);
    }

    @Test
    void theRulesDeliverToTheQueueWithRetriesAndTheDeadLetterQueueWhichOnlyTheyMaySendTo() {
        for (String rule : List.of("CosecOrderCreatedRule", "CosecOrderCanceledRule", "CosecRepliesRule")) {
            Map<String, Object> target = map(list(template.properties(rule).get("Targets")).getFirst());
            assertThat(target.get("Arn")).isEqualTo(getAtt("CosecQueue.Arn"));
            assertThat(map(target.get("RetryPolicy"))).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
            assertThat(map(target.get("DeadLetterConfig")).get("Arn")).isEqualTo(getAtt("CosecDeadLetterQueue.Arn"));
        }
        Map<String, Object> statement = map(list(map(template.properties("CosecQueuePolicy").get("PolicyDocument"))
                .get("Statement")).getFirst());
        assertThat(list(map(map(statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn")))
                .containsExactlyInAnyOrder(getAtt("CosecOrderCreatedRule.Arn"), getAtt("CosecOrderCanceledRule.Arn"),
                        getAtt("CosecRepliesRule.Arn"));
        Map<String, Object> queue = template.properties("CosecQueue");
        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(getAtt("CosecDeadLetterQueue.Arn"));
        // a parameter (the fault suite shortens it), by default at least six times the functions' Timeout
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeoutSeconds"));
        assertThat((Integer) map(template.parameters().get("QueueVisibilityTimeoutSeconds")).get("Default"))
                .isGreaterThanOrEqualTo(6 * 30);
        Map<String, Object> sqs = map(map(map(template.properties("CosecEvents").get("Events"))
                .get("CosecQueueMessages")).get("Properties"));
        assertThat(sqs.get("Queue")).isEqualTo(getAtt("CosecQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
    }

    @Test
    void everyFunctionRunsAHandlerOfTheCosecJarOnItsTable() throws ClassNotFoundException {
        for (String id : List.of("CosecEvents", "CosecOutboxSweeper", "CosecSagaDeadlines")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).as(id).isEqualTo("functions/cosec/target/cosec.jar");
            assertThat(RequestHandler.class).as(id).isAssignableFrom(Class.forName((String) function.get("Handler")));
            assertThat(map(map(function.get("Environment")).get("Variables")).get("TABLE_NAME"))
                    .isEqualTo(ref("CosecTable"));
            assertThat(list(function.get("Policies"))).contains(
                    Map.of("DynamoDBCrudPolicy", Map.of("TableName", ref("CosecTable"))),
                    Map.of("EventBridgePutEventsPolicy", Map.of("EventBusName", ref("EventBus"))));
        }
        Map<String, Object> sweep = map(map(template.properties("CosecOutboxSweeper").get("Events")).get("Sweep"));
        assertThat(sweep.get("Type")).isEqualTo("Schedule");
        Map<String, Object> deadlines = map(map(template.properties("CosecSagaDeadlines").get("Events")).get("Sweep"));
        assertThat(deadlines.get("Type")).isEqualTo("Schedule");
        // the saga's consumer and the deadline sweeper decide with the same deadlines
        for (String id : List.of("CosecEvents", "CosecSagaDeadlines")) {
            Map<String, Object> variables = map(map(template.properties(id).get("Environment")).get("Variables"));
            assertThat(variables.get(CosecModule.STEP_DEADLINE_SECONDS)).as(id).isEqualTo(ref("SagaStepDeadlineSeconds"));
            assertThat(variables.get(CosecModule.STEP_RESENDS)).as(id).isEqualTo(ref("SagaStepResends"));
        }
    }

    @Test
    void theTableIsTheOneContextTableMakes() {
        TableShape declared = TableShape.declared(template, "CosecTable");

        assertThat(declared).isEqualTo(TableShape.created(ContextTable.Keys.PARTITION, CosecTestbed.INDEXES));
    }

    @Test
    void theSectionHoldsOnlyCosecResources() {
        List<String> ids = template.sectionResourceIds("cosec");

        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Cosec"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }

    private static String event(Message<?> message) {
        MessageCodec codec = new MessageCodec(MessageTypes.of(message.type()));
        return EventBridgeEvents.of(message, codec);
    }
}
