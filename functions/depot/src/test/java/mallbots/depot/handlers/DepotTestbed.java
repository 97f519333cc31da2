package mallbots.depot.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mallbots.depot.DepotModule;
import mallbots.depot.adapters.DepotTable;
import mallbots.depot.adapters.ShoppingListJson;
import mallbots.depot.domain.ShoppingList;
import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.CreateShoppingListCommand;
import mallbots.messages.cosec.InitiateShoppingCommand;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.ProductRemoved;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
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
 * The depot context on the real emulators: its own table (made by ContextTable with the
 * template's GSIs) on dynalite, its own queue on ElasticMQ, both functions built on them, and a
 * publisher that checks every published message against its schema and records it.
 */
final class DepotTestbed {

    static final MessageSchemas SCHEMAS = MessageSchemas.load();
    static final String SAGA = "CreateOrderSaga";
    /** What reaches the depot queue: stores events, the saga's commands, ordering's events. */
    static final MessageCodec INBOUND = new MessageCodec(MessageTypes.of(
            StoresMessages.STORE_CREATED, StoresMessages.STORE_REBRANDED, StoresMessages.PRODUCT_ADDED,
            StoresMessages.PRODUCT_REBRANDED, StoresMessages.PRODUCT_REMOVED,
            StoresMessages.PRODUCT_PRICE_INCREASED, StoresMessages.STORE_PARTICIPATION_TOGGLED,
            CosecMessages.CREATE_SHOPPING_LIST, CosecMessages.CANCEL_SHOPPING_LIST, CosecMessages.INITIATE_SHOPPING,
            OrderingMessages.ORDER_CANCELED, OrderingMessages.ORDER_APPROVED));
    private static final MessageCodec DEPOT = new MessageCodec(DepotMessages.ALL);

    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String tableName = LocalAws.uniqueName("depot");
    final String queueUrl;
    final RecordingPublisher bus = RecordingPublisher.accepting();
    final DepotModule module;
    final DepotApiFunction api;
    final DepotEventsFunction events;

    DepotTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    DepotTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        sqs = cloud.sqs();
        ContextTable.create(dynamo, tableName, DepotTable.KEYS, DepotTable.INDEXES);
        queueUrl = SqsEvents.createQueue(sqs, "depot");
        module = DepotModule.create(dynamo, tableName, new SchemaCheckingPublisher(bus));
        api = new DepotApiFunction(module);
        events = new DepotEventsFunction(module);
    }

    // ---------------------------------------------------------------- HTTP

    Response call(String routeKey, String path, String body) {
        ApiGatewayEvents request = ApiGatewayEvents.route(routeKey).path(path);
        if (body != null) {
            request.json(body);
        }
        return new Response(api.handleRequest(request.build(), null));
    }

    Response get(String id) {
        return call(DepotRoutes.GET, "/api/depot/shopping/" + id, null);
    }

    Response assign(String id, String body) {
        return call(DepotRoutes.ASSIGN, "/api/depot/shopping/" + id + "/assign", body);
    }

    Response complete(String id) {
        return call(DepotRoutes.COMPLETE, "/api/depot/shopping/" + id + "/complete", null);
    }

    Response cancel(String id) {
        return call(DepotRoutes.CANCEL, "/api/depot/shopping/" + id, null);
    }

    record Response(int status, String body) {

        Response(APIGatewayV2HTTPResponse response) {
            this(response.getStatusCode(), response.getBody());
        }

        JsonNode json() {
            return DepotTestbed.json(body);
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

    // ---------------------------------------------------------------- the bus

    /** What depot published, decoded strictly (after the schema check of the publisher). */
    List<Message<?>> published() {
        return bus.published().stream().map(DepotTestbed::decode).toList();
    }

    List<Message<?>> published(MessageType<?> type) {
        return published().stream().filter(message -> message.type().equals(type)).toList();
    }

    static Message<?> decode(OutboundEvent event) {
        return DEPOT.decodeDetail(event.source(), event.detailType(), event.detail());
    }

    // ---------------------------------------------------------------- messages, through SQS

    /**
     * Sends the messages to the queue as the rules would (EventBridge events, each checked against
     * its schema first), receives them as one Lambda SQS event, hands it to the events function and
     * deletes the records it did not report as failed, as Lambda does.
     */
    SQSBatchResponse deliver(Message<?>... messages) {
        List<String> bodies = new ArrayList<>();
        for (Message<?> message : messages) {
            bodies.add(schemaChecked(EventBridgeEvents.of(message, INBOUND)));
        }
        return deliverBodies(bodies);
    }

    SQSBatchResponse deliverBodies(List<String> bodies) {
        for (String body : bodies) {
            SqsEvents.send(sqs, queueUrl, body);
        }
        SQSEvent event = SqsEvents.receive(sqs, queueUrl, bodies.size());
        SQSBatchResponse response = events.handleRequest(event, null);
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            if (!failed.contains(record.getMessageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle()));
            }
        }
        return response;
    }

    /** Delivers and asserts that no record failed. */
    void deliverOk(Message<?>... messages) {
        assertThat(deliver(messages).getBatchItemFailures()).isEmpty();
    }

    static String schemaChecked(String eventJson) {
        assertThat(SCHEMAS.validateEvent(eventJson)).as(eventJson).isEmpty();
        return eventJson;
    }

    static <T> Message<T> versioned(MessageType<T> type, String aggregateId, long version, T data) {
        return new Message<>(type, Metadata.first().withAggregate(aggregateId, version), data);
    }

    static Message<StoreCreated> storeCreated(String storeId, String name, String location) {
        return versioned(StoresMessages.STORE_CREATED, storeId, 1, new StoreCreated(storeId, name, location));
    }

    static Message<StoreRebranded> storeRebranded(String storeId, String name, long version) {
        return versioned(StoresMessages.STORE_REBRANDED, storeId, version, new StoreRebranded(storeId, name));
    }

    static Message<ProductAdded> productAdded(String productId, String storeId, String name) {
        return versioned(StoresMessages.PRODUCT_ADDED, productId, 1,
                new ProductAdded(productId, storeId, name, "a fine " + name, "SKU-" + name, Money.of("1.50")));
    }

    static Message<ProductRebranded> productRebranded(String productId, String name, long version) {
        return versioned(StoresMessages.PRODUCT_REBRANDED, productId, version,
                new ProductRebranded(productId, name, "now " + name));
    }

    static Message<ProductRemoved> productRemoved(String productId, long version) {
        return versioned(StoresMessages.PRODUCT_REMOVED, productId, version, new ProductRemoved(productId));
    }

    static Metadata sagaCommand() {
        return Metadata.first().withSaga(UUID.randomUUID().toString(), SAGA, "mallbots.cosec");
    }

    static Message<CreateShoppingListCommand> createShoppingList(String orderId, List<CreateShoppingListCommand.Item> items) {
        return new Message<>(CosecMessages.CREATE_SHOPPING_LIST, sagaCommand(), new CreateShoppingListCommand(orderId, items));
    }

    static Message<InitiateShoppingCommand> initiateShopping(String shoppingListId) {
        return new Message<>(CosecMessages.INITIATE_SHOPPING, sagaCommand(), new InitiateShoppingCommand(shoppingListId));
    }

    static Message<CancelShoppingListCommand> cancelShoppingList(String shoppingListId) {
        return new Message<>(CosecMessages.CANCEL_SHOPPING_LIST, sagaCommand(), new CancelShoppingListCommand(shoppingListId));
    }

    static Message<OrderCanceled> orderCanceled(String orderId, String shoppingId) {
        return versioned(OrderingMessages.ORDER_CANCELED, orderId, 3, new OrderCanceled(orderId,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), shoppingId));
    }

    // ---------------------------------------------------------------- a stocked mall and lists

    /** A store in the caches; its id. */
    String store(String name, String location) {
        String storeId = UUID.randomUUID().toString();
        deliverOk(storeCreated(storeId, name, location));
        return storeId;
    }

    /** A product of the store in the caches; its id. */
    String product(String storeId, String name) {
        String productId = UUID.randomUUID().toString();
        deliverOk(productAdded(productId, storeId, name));
        return productId;
    }

    /** A pending list of one product, made through the saga's command; its id. */
    String pendingList(String orderId) {
        String storeId = store("Corner Shop", "Level 1, east");
        String productId = product(storeId, "Apple");
        deliverOk(createShoppingList(orderId, List.of(new CreateShoppingListCommand.Item(productId, storeId, 2))));
        Message<?> reply = published().getLast();
        assertThat(reply.metadata().reason()).isNull();
        return ((mallbots.messages.depot.CreateShoppingListReply) reply.data()).shoppingListId();
    }

    /** A list made available through the saga's commands; its id. */
    String availableList(String orderId) {
        String id = pendingList(orderId);
        deliverOk(initiateShopping(id));
        return id;
    }

    // ---------------------------------------------------------------- the table

    /** Every item of the table, for "nothing changed" checks. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(b -> b.tableName(tableName).consistentRead(true)).items();
    }

    Optional<Map<String, AttributeValue>> item(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The stored state, read as depot reads it (the status of a list in lower case). */
    <T> T state(String key, Class<T> type) {
        Map<String, AttributeValue> item = item(key).orElseThrow(() -> new AssertionError("no item " + key));
        try {
            return ShoppingListJson.mapper().readValue(item.get("state").s(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    ShoppingList list(String id) {
        return state("shopping#" + id, ShoppingList.class);
    }

    List<String> applied(String key) {
        AttributeValue applied = item(key).orElseThrow().get("applied");
        return applied == null ? List.of() : applied.l().stream().map(AttributeValue::s).toList();
    }
}
