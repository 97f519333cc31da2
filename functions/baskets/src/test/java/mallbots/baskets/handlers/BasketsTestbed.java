package mallbots.baskets.handlers;

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
import java.util.Set;
import java.util.UUID;
import mallbots.baskets.BasketsModule;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductPriceDecreased;
import mallbots.messages.stores.ProductPriceIncreased;
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
 * The baskets context on the real emulators: its own table (made by ContextTable, as the template
 * declares it) on dynalite, its own queue on ElasticMQ, both functions built on them, and a
 * publisher that checks every published message against its schema and records it.
 */
final class BasketsTestbed {

    static final MessageSchemas SCHEMAS = MessageSchemas.load();
    private static final MessageCodec STORES = new MessageCodec(StoresMessages.ALL);
    private static final MessageCodec BASKETS = new MessageCodec(BasketsMessages.ALL);

    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String tableName = LocalAws.uniqueName("baskets");
    final String queueUrl;
    final RecordingPublisher bus = RecordingPublisher.accepting();
    final BasketsModule module;
    final BasketsApiFunction api;
    final BasketsEventsFunction events;

    BasketsTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    BasketsTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        sqs = cloud.sqs();
        ContextTable.create(dynamo, tableName, ContextTable.Keys.PARTITION_AND_SORT);
        queueUrl = SqsEvents.createQueue(sqs, "baskets");
        module = BasketsModule.create(dynamo, tableName, new SchemaCheckingPublisher(bus));
        api = new BasketsApiFunction(module);
        events = new BasketsEventsFunction(module);
    }

    // ---------------------------------------------------------------- HTTP

    /** The customer of each basket started here: each call is made as the basket's own customer. */
    private final Map<String, String> owners = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * As the customer that API Gateway's authorizer would have verified: for a start, the
     * customerId of the body (a new one without); otherwise the customer of the basket in the path.
     */
    Response call(String routeKey, String path, String json) {
        String caller;
        if (routeKey.equals("POST /api/baskets")) {
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]*)\"")
                    .matcher(json == null ? "" : json);
            caller = named.find() ? named.group(1) : UUID.randomUUID().toString();
        } else {
            String[] segments = path.split("[/?]");
            caller = segments.length > 3 ? owners.getOrDefault(segments[3], UUID.randomUUID().toString())
                    : UUID.randomUUID().toString();
        }
        return call(routeKey, path, json, caller);
    }

    Response call(String routeKey, String path, String json, String caller) {
        ApiGatewayEvents request = ApiGatewayEvents.route(routeKey).path(path).caller(caller, "mallbots/customer");
        if (json != null) {
            request.json(json);
        }
        Response response = new Response(api.handleRequest(request.build(), null));
        if (routeKey.equals("POST /api/baskets") && response.status() == 201) {
            owners.put(response.json().get("id").asText(), caller);
        }
        return response;
    }

    /** Starts a basket for a new customer; its id. */
    String startBasket() {
        return startBasket(UUID.randomUUID().toString());
    }

    String startBasket(String customerId) {
        Response started = call("POST /api/baskets", "/api/baskets", "{\"customerId\": \"" + customerId + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    Response get(String basketId) {
        return call("GET /api/baskets/{id}", "/api/baskets/" + basketId, null);
    }

    Response addItem(String basketId, String productId, int quantity) {
        return call("PUT /api/baskets/{id}/addItem", "/api/baskets/" + basketId + "/addItem",
                "{\"productId\": \"" + productId + "\", \"quantity\": " + quantity + "}");
    }

    Response removeItem(String basketId, String productId, int quantity) {
        return call("PUT /api/baskets/{id}/removeItem", "/api/baskets/" + basketId + "/removeItem",
                "{\"productId\": \"" + productId + "\", \"quantity\": " + quantity + "}");
    }

    Response checkOut(String basketId, String paymentId) {
        return call("PUT /api/baskets/{id}/checkout", "/api/baskets/" + basketId + "/checkout",
                "{\"paymentId\": \"" + paymentId + "\"}");
    }

    Response cancel(String basketId) {
        return call("DELETE /api/baskets/{id}", "/api/baskets/" + basketId, null);
    }

    record Response(int status, String body) {

        Response(APIGatewayV2HTTPResponse response) {
            this(response.getStatusCode(), response.getBody());
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String message() {
            return json().get("message").asText();
        }
    }

    // ---------------------------------------------------------------- the bus

    /** What baskets published, decoded. */
    List<Message<?>> published() {
        return bus.published().stream().map(BasketsTestbed::decode).toList();
    }

    List<Message<?>> published(MessageType<?> type) {
        return published().stream().filter(message -> message.type().equals(type)).toList();
    }

    private static Message<?> decode(OutboundEvent event) {
        return BASKETS.decodeDetail(event.source(), event.detailType(), event.detail());
    }

    // ---------------------------------------------------------------- stores events, through SQS

    /**
     * Sends the messages to the queue as the stores rule would (EventBridge events, each checked
     * against its schema first), receives them as one Lambda SQS event, hands it to the events
     * function and deletes the records it did not report as failed, as Lambda does.
     */
    SQSBatchResponse deliver(Message<?>... messages) {
        List<String> bodies = new ArrayList<>();
        for (Message<?> message : messages) {
            bodies.add(EventBridgeEvents.of(message, STORES));
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

    static String schemaChecked(String eventJson) {
        assertThat(SCHEMAS.validateEvent(eventJson)).as(eventJson).isEmpty();
        return eventJson;
    }

    static <T> Message<T> storesEvent(MessageType<T> type, String aggregateId, long version, T data) {
        Message<T> message = new Message<>(type, Metadata.first().withAggregate(aggregateId, version), data);
        schemaChecked(EventBridgeEvents.of(message, STORES));
        return message;
    }

    static Message<StoreCreated> storeCreated(String storeId, String name) {
        return storesEvent(StoresMessages.STORE_CREATED, storeId, 1, new StoreCreated(storeId, name, "Level 1"));
    }

    static Message<StoreRebranded> storeRebranded(String storeId, String name, long version) {
        return storesEvent(StoresMessages.STORE_REBRANDED, storeId, version, new StoreRebranded(storeId, name));
    }

    static Message<ProductAdded> productAdded(String productId, String storeId, String name, String price) {
        return storesEvent(StoresMessages.PRODUCT_ADDED, productId, 1,
                new ProductAdded(productId, storeId, name, "a fine " + name, "SKU-" + name, Money.of(price)));
    }

    static Message<ProductRebranded> productRebranded(String productId, String name, long version) {
        return storesEvent(StoresMessages.PRODUCT_REBRANDED, productId, version,
                new ProductRebranded(productId, name, "now " + name));
    }

    static Message<ProductPriceIncreased> priceIncreased(String productId, String from, String to, long version) {
        return storesEvent(StoresMessages.PRODUCT_PRICE_INCREASED, productId, version,
                new ProductPriceIncreased(productId, Money.of(to), Money.of(to).minus(Money.of(from))));
    }

    static Message<ProductPriceDecreased> priceDecreased(String productId, String from, String to, long version) {
        return storesEvent(StoresMessages.PRODUCT_PRICE_DECREASED, productId, version,
                new ProductPriceDecreased(productId, Money.of(to), Money.of(to).minus(Money.of(from))));
    }

    static Message<ProductRemoved> productRemoved(String productId, long version) {
        return storesEvent(StoresMessages.PRODUCT_REMOVED, productId, version, new ProductRemoved(productId));
    }

    /** A store with one product in the caches, through the events function; the product's id. */
    String stockedProduct(String storeId, String storeName, String productName, String price) {
        String productId = UUID.randomUUID().toString();
        assertThat(deliver(storeCreated(storeId, storeName), productAdded(productId, storeId, productName, price))
                .getBatchItemFailures()).isEmpty();
        return productId;
    }

    // ---------------------------------------------------------------- the table

    /** Every item of the table, for "nothing changed" checks. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(b -> b.tableName(tableName).consistentRead(true)).items();
    }

    /** The history items of one basket (sk >= 1), oldest first. */
    List<Map<String, AttributeValue>> historyOf(String basketId) {
        return dynamo.query(b -> b.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :id AND #sk >= :first")
                .expressionAttributeNames(Map.of("#pk", "pk", "#sk", "sk"))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(basketId),
                        ":first", AttributeValue.fromN("1"))))
                .items();
    }

    Map<String, AttributeValue> cacheItem(String key) {
        return dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromN("0")))).item();
    }
}
