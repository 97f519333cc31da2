package mallbots.search.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mallbots.messages.customers.CustomerRegistered;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.ordering.OrderApproved;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCompleted;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderReadied;
import mallbots.messages.ordering.OrderRejected;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductRebranded;
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
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.TestCloud;
import mallbots.platform.testing.SqsEvents;
import mallbots.schema.MessageSchemas;
import mallbots.search.SearchModule;
import mallbots.search.adapters.SearchTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The search context on the real emulators: its own table (ContextTable with the template's
 * GSIs) on dynalite, its own queue on ElasticMQ, both functions built on them. Search publishes
 * nothing, so there is no bus to record.
 */
final class SearchTestbed {

    static final MessageSchemas SCHEMAS = MessageSchemas.load();
    static final MessageCodec INBOUND = new MessageCodec(MessageTypes.of(
            OrderingMessages.ORDER_CREATED, OrderingMessages.ORDER_APPROVED, OrderingMessages.ORDER_REJECTED,
            OrderingMessages.ORDER_READIED, OrderingMessages.ORDER_COMPLETED, OrderingMessages.ORDER_CANCELED,
            CustomersMessages.CUSTOMER_REGISTERED, StoresMessages.STORE_CREATED, StoresMessages.STORE_REBRANDED,
            StoresMessages.PRODUCT_ADDED, StoresMessages.PRODUCT_REBRANDED, StoresMessages.PRODUCT_REMOVED));

    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String tableName = LocalAws.uniqueName("search");
    final String queueUrl;
    final SearchModule module;
    final SearchApiFunction api;
    final SearchEventsFunction events;

    SearchTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    SearchTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        sqs = cloud.sqs();
        ContextTable.create(dynamo, tableName, SearchTable.KEYS, SearchTable.INDEXES);
        queueUrl = SqsEvents.createQueue(sqs, "search");
        module = SearchModule.create(dynamo, tableName);
        api = new SearchApiFunction(module);
        events = new SearchEventsFunction(module);
    }

    // ---------------------------------------------------------------- HTTP

    Response get(String id) {
        return new Response(api.handleRequest(ApiGatewayEvents.route(SearchRoutes.GET)
                .path("/api/search/orders/" + id).build(), null));
    }

    Response search(String body) {
        ApiGatewayEvents request = ApiGatewayEvents.route(SearchRoutes.SEARCH).path("/api/search/orders");
        if (body != null) {
            request.json(body);
        }
        return new Response(api.handleRequest(request.build(), null));
    }

    /** Every order id a search finds, following its tokens page by page, with each page's size. */
    List<String> searchAll(String filters, int limit, List<Integer> pageSizes) {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            String body = "{" + filters + (filters.isEmpty() ? "" : ",") + "\"limit\":" + limit
                    + (next == null ? "" : ",\"next\":\"" + next + "\"") + "}";
            Response response = search(body);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode orders = response.json().get("orders");
            pageSizes.add(orders.size());
            orders.forEach(order -> ids.add(order.get("orderId").asText()));
            next = response.json().hasNonNull("next") ? response.json().get("next").asText() : null;
        } while (next != null);
        return ids;
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

    // ---------------------------------------------------------------- messages, through SQS

    /** Sends the messages as the rules would (schema-checked EventBridge events) and hands them to the function. */
    SQSBatchResponse deliver(Message<?>... messages) {
        List<String> bodies = new ArrayList<>();
        for (Message<?> message : messages) {
            String event = EventBridgeEvents.of(message, INBOUND);
            assertThat(SCHEMAS.validateEvent(event)).as(event).isEmpty();
            bodies.add(event);
        }
        return deliverBodies(bodies);
    }

    /** Hands these EventBridge event bodies to the function through the queue, unchecked. */
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

    void deliverOk(Message<?>... messages) {
        assertThat(deliver(messages).getBatchItemFailures()).isEmpty();
    }

    /** Delivers in batches of at most ten (one receive of SQS), each asserted to succeed. */
    void deliverOk(List<Message<?>> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            deliverOk(messages.subList(from, Math.min(messages.size(), from + 10)).toArray(Message<?>[]::new));
        }
    }

    static <T> Message<T> event(MessageType<T> type, String aggregateId, long version, Instant at, T data) {
        Metadata first = Metadata.first();
        return new Message<>(type, new Metadata(first.messageId(), first.correlationId(), first.causationId(), at,
                Metadata.CURRENT_SCHEMA_VERSION, aggregateId, version, null, null, null, null, null, null), data);
    }

    static <T> Message<T> event(MessageType<T> type, String aggregateId, long version, T data) {
        return event(type, aggregateId, version, Instant.now(), data);
    }

    // ---------------------------------------------------------------- order events

    static String id() {
        return UUID.randomUUID().toString();
    }

    record Line(String storeId, String productId) {
    }

    static Message<OrderCreated> orderCreated(String orderId, String customerId, Instant at, Line... lines) {
        List<OrderCreated.Item> items = new ArrayList<>();
        for (Line line : lines) {
            items.add(new OrderCreated.Item(line.productId(), line.storeId(), "Store at checkout",
                    "Product at checkout", Money.of("2.50"), 2));
        }
        return event(OrderingMessages.ORDER_CREATED, orderId, 1, at,
                new OrderCreated(orderId, customerId, id(), items, Money.of("2.50").times(2 * lines.length)));
    }

    static Message<OrderApproved> orderApproved(String orderId, String customerId, long version) {
        return event(OrderingMessages.ORDER_APPROVED, orderId, version,
                new OrderApproved(orderId, customerId, id(), id()));
    }

    static Message<OrderRejected> orderRejected(String orderId, String customerId, long version) {
        return event(OrderingMessages.ORDER_REJECTED, orderId, version, new OrderRejected(orderId, customerId, id()));
    }

    static Message<OrderReadied> orderReadied(String orderId, String customerId, long version) {
        return event(OrderingMessages.ORDER_READIED, orderId, version,
                new OrderReadied(orderId, customerId, id(), Money.of("5.00")));
    }

    static Message<OrderCompleted> orderCompleted(String orderId, String customerId, long version) {
        return event(OrderingMessages.ORDER_COMPLETED, orderId, version, new OrderCompleted(orderId, customerId, orderId));
    }

    static Message<OrderCanceled> orderCanceled(String orderId, String customerId, long version) {
        return event(OrderingMessages.ORDER_CANCELED, orderId, version,
                new OrderCanceled(orderId, customerId, id(), null));
    }

    // ---------------------------------------------------------------- naming events

    static Message<CustomerRegistered> customerRegistered(String customerId, String name) {
        return event(CustomersMessages.CUSTOMER_REGISTERED, customerId, 1,
                new CustomerRegistered(customerId, name, "+15550100"));
    }

    static Message<StoreCreated> storeCreated(String storeId, String name) {
        return event(StoresMessages.STORE_CREATED, storeId, 1, new StoreCreated(storeId, name, "Level 1"));
    }

    static Message<StoreRebranded> storeRebranded(String storeId, String name, long version) {
        return event(StoresMessages.STORE_REBRANDED, storeId, version, new StoreRebranded(storeId, name));
    }

    static Message<ProductAdded> productAdded(String productId, String storeId, String name) {
        return event(StoresMessages.PRODUCT_ADDED, productId, 1,
                new ProductAdded(productId, storeId, name, "a fine " + name, "SKU-1", Money.of("2.50")));
    }

    static Message<ProductRebranded> productRebranded(String productId, String name, long version) {
        return event(StoresMessages.PRODUCT_REBRANDED, productId, version,
                new ProductRebranded(productId, name, "now " + name));
    }

    // ---------------------------------------------------------------- the table

    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(b -> b.tableName(tableName).consistentRead(true)).items();
    }
}
