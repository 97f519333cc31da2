package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mallbots.cosec.CosecModule;
import mallbots.cosec.application.CreateOrderSaga;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.saga.SagaDeadlines;
import mallbots.platform.saga.SagaOrchestrator;
import mallbots.platform.saga.SagaState;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.TestCloud;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.platform.testing.SqsEvents;
import mallbots.schema.MessageSchemas;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One cosec context on a fresh table in dynalite, shaped as template.yaml's CosecTable, behind a
 * real queue (ElasticMQ) and the events function; everything it publishes is checked against its
 * schema and then recorded. The participants are played by {@link Participants}.
 */
final class CosecTestbed {

    static final MessageCodec COMMANDS = new MessageCodec(CosecMessages.ALL);
    /** What reaches cosec's queue: OrderCreated and the replies. */
    static final MessageCodec INBOUND = new MessageCodec(MessageTypes.of(OrderingMessages.ORDER_CREATED,
            OrderingMessages.ORDER_CANCELED).plus(MessageTypes.of(CreateOrderSaga.REPLIES)));

    static final MessageSchemas SCHEMAS = MessageSchemas.load();
    /** The table's own GSI besides the outbox's: the running sagas by deadline. */
    static final List<ContextTable.Index> INDEXES = List.of(
            new ContextTable.Index(SagaDeadlines.INDEX, SagaDeadlines.DUE, SagaDeadlines.AT));

    final TestCloud cloud;
    final DynamoDbClient dynamo;
    final String table;
    final RecordingPublisher bus;
    final CosecModule module;
    final CosecEventsFunction function;
    final SqsClient sqs;
    final String queue;

    CosecTestbed() {
        this(RecordingPublisher.accepting());
    }

    CosecTestbed(RecordingPublisher bus) {
        this(TestCloud.inMemory(), bus, null, SagaDeadlines.defaults());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    CosecTestbed(TestCloud cloud) {
        this(cloud, RecordingPublisher.accepting(), null, SagaDeadlines.defaults());
    }

    /** With these deadlines (e.g. on a clock the test moves). */
    CosecTestbed(SagaDeadlines deadlines) {
        this(TestCloud.inMemory(), RecordingPublisher.accepting(), null, deadlines);
    }

    private CosecTestbed(TestCloud cloud, RecordingPublisher bus, String existingTable, SagaDeadlines deadlines) {
        this.cloud = cloud;
        this.dynamo = cloud.dynamo();
        this.sqs = cloud.sqs();
        this.queue = SqsEvents.createQueue(sqs, "cosec");
        if (existingTable == null) {
            this.table = LocalAws.uniqueName("cosec");
            ContextTable.create(dynamo, table, ContextTable.Keys.PARTITION, INDEXES);
        } else {
            this.table = existingTable;
        }
        this.bus = bus;
        this.module = CosecModule.create(dynamo, table, new SchemaCheckingPublisher(bus), deadlines);
        this.function = new CosecEventsFunction(module);
    }

    /** The same table with a new function instance publishing to {@code publisher}: a restart after a crash. */
    CosecTestbed restartedWith(RecordingPublisher publisher) {
        return new CosecTestbed(cloud, publisher, table, module.sagas().deadlines());
    }

    /** A new order of two lines, as ordering announces it. */
    static Message<OrderCreated> orderCreated() {
        String orderId = id();
        OrderCreated order = new OrderCreated(orderId, id(), id(), List.of(
                new OrderCreated.Item(id(), id(), "Robot Supplies", "Gear", Money.of("2.50"), 4),
                new OrderCreated.Item(id(), id(), "Bolt Barn", "Bolt", Money.of("0.75"), 2)),
                Money.of("11.50"));
        return OrderingMessages.ORDER_CREATED.create(order).withMetadata(m -> m.withAggregate(orderId, 1));
    }

    /** Sends the messages through the queue into the events function, as one batch; all must succeed. */
    void deliver(Message<?>... messages) {
        assertThat(deliverExpectingFailures(messages).getBatchItemFailures()).isEmpty();
    }

    SQSBatchResponse deliverExpectingFailures(Message<?>... messages) {
        for (Message<?> message : messages) {
            String event = EventBridgeEvents.of(message, INBOUND);
            // what the tests play (ordering's event, the participants' replies) is what the schemas allow
            assertThat(SCHEMAS.validateEvent(event)).as(message.detailType()).isEmpty();
            SqsEvents.send(sqs, queue, event);
        }
        return function.handleRequest(SqsEvents.receive(sqs, queue, messages.length), null);
    }

    /** The commands published so far, decoded strictly, in the order they were published. */
    List<Message<?>> commands() {
        List<Message<?>> commands = new ArrayList<>();
        for (OutboundEvent event : bus.published()) {
            commands.add(COMMANDS.decodeDetail(event.source(), event.detailType(), event.detail()));
        }
        return commands;
    }

    List<String> commandTypes() {
        return commands().stream().map(Message::detailType).toList();
    }

    Message<?> lastCommand() {
        List<Message<?>> commands = commands();
        assertThat(commands).isNotEmpty();
        return commands.getLast();
    }

    /** The last command of {@code detailType} sent by the saga of {@code orderId}. */
    Message<?> command(String orderId, String detailType) {
        return commands().stream()
                .filter(c -> c.detailType().equals(detailType) && c.metadata().sagaId().equals(orderId))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("saga " + orderId + " sent no " + detailType));
    }

    SagaState saga(String orderId) {
        return module.sagas().find(orderId).orElseThrow(() -> new AssertionError("no saga for order " + orderId));
    }

    Optional<Map<String, AttributeValue>> sagaItem(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(ContextTable.PARTITION_KEY, AttributeValue.fromS(SagaOrchestrator.keyOf(orderId)))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    long version(String orderId) {
        return Long.parseLong(sagaItem(orderId).orElseThrow().get("version").n());
    }

    /** Every item of the table, for "nothing changed" checks. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(r -> r.tableName(table).consistentRead(true)).items();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
