package mallbots.ordering.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.messages.cosec.ApproveOrderCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.ShoppingListCompleted;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.payments.InvoicePaid;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.ordering.OrderingModule;
import mallbots.platform.domain.Money;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.ApiGatewayEvents;
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
 * The ordering context on the real emulators: its own table (made by ContextTable, as the
 * template declares OrderingTable) on dynalite, its own queue on ElasticMQ, both functions built
 * on them, and a publisher that checks every published message against its schema and records it.
 */
final class OrderingTestbed {

    static final MessageSchemas SCHEMAS = MessageSchemas.load();
    static final MessageCodec ORDERING = new MessageCodec(OrderingMessages.ALL);
    static final String SAGA = "CreateOrderSaga";

    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String tableName = LocalAws.uniqueName("ordering");
    final String queueUrl;
    final RecordingPublisher bus = RecordingPublisher.accepting();
    final OrderingModule module;
    final OrderingApiFunction api;
    final OrderingEventsFunction events;

    OrderingTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    OrderingTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        sqs = cloud.sqs();
        ContextTable.create(dynamo, tableName, ContextTable.Keys.PARTITION_AND_SORT);
        queueUrl = SqsEvents.createQueue(sqs, "ordering");
        module = OrderingModule.create(dynamo, tableName, new SchemaCheckingPublisher(bus));
        api = new OrderingApiFunction(module);
        events = new OrderingEventsFunction(module);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- HTTP

    /** As the order's own customer (a new one for an order that does not exist), as the authorizer verified. */
    Response call(String routeKey, String path) {
        return new Response(api.handleRequest(ApiGatewayEvents.route(routeKey).path(path)
                .caller(customerOf(path.split("/")[3]), "mallbots/customer").build(), null));
    }

    /** The customer of an order, read from the table; a new id when there is no such order. */
    String customerOf(String orderId) {
        try {
            return module.getOrder().get(orderId).customerId();
        } catch (RuntimeException noSuchOrder) {
            return newId();
        }
    }

    Response get(String orderId) {
        return call(OrderingRoutes.GET, "/api/ordering/" + orderId);
    }

    Response cancel(String orderId) {
        return call(OrderingRoutes.CANCEL, "/api/ordering/" + orderId);
    }

    String status(String orderId) {
        Response order = get(orderId);
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        return order.json().get("status").asText();
    }

    record Response(int status, String body) {

        Response(APIGatewayV2HTTPResponse response) {
            this(response.getStatusCode(), response.getBody());
        }

        JsonNode json() {
            return OrderingTestbed.json(body);
        }

        String message() {
            return json().get("message").asText();
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    // ---------------------------------------------------------------- the queue

    /**
     * Sends the messages to the queue as the rules would (EventBridge events, each checked against
     * its schema first), receives them as one Lambda SQS event, hands it to the events function,
     * and then deletes the records: the successful ones as Lambda does, the failed ones so that a
     * later delivery in the same test does not see them again (tests that want the redelivery
     * use {@link #send} and {@link #handle}).
     */
    SQSBatchResponse deliver(Message<?>... messages) {
        for (Message<?> message : messages) {
            send(message);
        }
        SQSEvent event = SqsEvents.receive(sqs, queueUrl, messages.length);
        SQSBatchResponse response = events.handleRequest(event, null);
        delete(event);
        return response;
    }

    void send(Message<?> message) {
        SqsEvents.send(sqs, queueUrl, schemaChecked(eventBridgeEvent(message)));
    }

    SQSEvent receive(int count) {
        return SqsEvents.receive(sqs, queueUrl, count);
    }

    SQSBatchResponse handle(SQSEvent event) {
        return events.handleRequest(event, null);
    }

    void delete(SQSEvent event) {
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle()));
        }
    }

    static String eventBridgeEvent(Message<?> message) {
        return EventBridgeEvents.of(message, new MessageCodec(MessageTypes.of(message.type())));
    }

    static String schemaChecked(String eventJson) {
        assertThat(SCHEMAS.validateEvent(eventJson)).as(eventJson).isEmpty();
        return eventJson;
    }

    // ---------------------------------------------------------------- other contexts' messages

    static Message<BasketCheckedOut> checkedOut(String basketId, String customerId, String paymentId,
            List<BasketCheckedOut.Item> items) {
        return event(BasketsMessages.BASKET_CHECKED_OUT, basketId, 5,
                new BasketCheckedOut(basketId, customerId, paymentId, items));
    }

    /** A basket of 3 apples at 1.50 and 2 pears at 0.90 (total 6.30), checked out. */
    static Message<BasketCheckedOut> checkedOut(String basketId) {
        String storeId = newId();
        return checkedOut(basketId, newId(), newId(), List.of(
                new BasketCheckedOut.Item(storeId, newId(), "Corner Shop", "Apple", Money.of("1.50"), 3),
                new BasketCheckedOut.Item(storeId, newId(), "Corner Shop", "Pear", Money.of("0.90"), 2)));
    }

    static Message<ShoppingListCompleted> listCompleted(String shoppingListId, String orderId) {
        return event(DepotMessages.SHOPPING_LIST_COMPLETED, shoppingListId, 4,
                new ShoppingListCompleted(shoppingListId, orderId));
    }

    static Message<InvoicePaid> invoicePaid(String invoiceId, String orderId, String amount) {
        return event(PaymentsMessages.INVOICE_PAID, invoiceId, 2, new InvoicePaid(invoiceId, orderId,
                Money.of(amount)));
    }

    static Message<ApproveOrderCommand> approve(String orderId, String shoppingId) {
        return command(CosecMessages.APPROVE_ORDER, new ApproveOrderCommand(orderId, shoppingId));
    }

    static Message<RejectOrderCommand> reject(String orderId) {
        return command(CosecMessages.REJECT_ORDER, new RejectOrderCommand(orderId));
    }

    private static <T> Message<T> event(MessageType<T> type, String aggregateId, long version, T data) {
        return new Message<>(type, Metadata.first().withAggregate(aggregateId, version), data);
    }

    private static <T> Message<T> command(MessageType<T> type, T data) {
        return new Message<>(type, Metadata.first().withSaga(newId(), SAGA, "mallbots.cosec"), data);
    }

    // ---------------------------------------------------------------- ready-made orders

    /** A pending order (from a checkout through the events function); its id. */
    String pendingOrder() {
        String orderId = newId();
        assertThat(deliver(checkedOut(orderId)).getBatchItemFailures()).isEmpty();
        return orderId;
    }

    /** An approved order with shopping list {@code shoppingId}. */
    String approvedOrder(String shoppingId) {
        String orderId = pendingOrder();
        assertThat(deliver(approve(orderId, shoppingId)).getBatchItemFailures()).isEmpty();
        assertThat(status(orderId)).isEqualTo("approved");
        return orderId;
    }

    String readyOrder(String shoppingId) {
        String orderId = approvedOrder(shoppingId);
        assertThat(deliver(listCompleted(shoppingId, orderId)).getBatchItemFailures()).isEmpty();
        assertThat(status(orderId)).isEqualTo("ready");
        return orderId;
    }

    // ---------------------------------------------------------------- the bus

    /** What ordering published, decoded strictly as consumers will. */
    List<Message<?>> published() {
        return bus.published().stream().map(OrderingTestbed::decode).toList();
    }

    List<Message<?>> published(MessageType<?> type) {
        return published().stream().filter(message -> message.type().equals(type)).toList();
    }

    /** What ordering published about one order (its integration events). */
    List<Message<?>> publishedAbout(String orderId) {
        List<Message<?>> about = new ArrayList<>();
        for (Message<?> message : published()) {
            if (orderId.equals(message.metadata().aggregateId())) {
                about.add(message);
            }
        }
        return about;
    }

    Message<?> onlyReplyTo(Message<?> command) {
        List<Message<?>> replies = published().stream()
                .filter(message -> command.messageId().equals(message.metadata().causationId()))
                .filter(message -> message.detailType().endsWith("Reply")).toList();
        assertThat(replies).as("replies to %s", command.detailType()).hasSize(1);
        return replies.getFirst();
    }

    static Message<?> decode(OutboundEvent event) {
        return ORDERING.decodeDetail(event.source(), event.detailType(), event.detail());
    }

    // ---------------------------------------------------------------- the table

    /** Every item of the table, for "nothing changed" checks. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(b -> b.tableName(tableName).consistentRead(true)).items();
    }

    /** The history items of one order (sk >= 1), oldest first. */
    List<Map<String, AttributeValue>> historyOf(String orderId) {
        return dynamo.query(b -> b.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :id AND #sk >= :first")
                .expressionAttributeNames(Map.of("#pk", "pk", "#sk", "sk"))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId),
                        ":first", AttributeValue.fromN("1"))))
                .items();
    }

    /** The event types stored for an order, oldest first. */
    List<String> storedEvents(String orderId) {
        return historyOf(orderId).stream().flatMap(item -> item.get("events").l().stream())
                .map(event -> event.m().get("type").s()).toList();
    }
}
