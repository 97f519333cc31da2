package mallbots.notifications.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.messages.customers.CustomerRegistered;
import mallbots.messages.customers.CustomerSmsChanged;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCompleted;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderReadied;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.notifications.NotificationsModule;
import mallbots.notifications.adapters.DynamoNotificationRecords;
import mallbots.notifications.adapters.NotificationsTable;
import mallbots.notifications.application.NotificationSender;
import mallbots.notifications.domain.Notification;
import mallbots.notifications.domain.NotificationKind;
import mallbots.platform.domain.Money;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.Metadata;
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
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The notifications context on the real emulators: its own table (made by ContextTable with the
 * template's GSI) on dynalite, its own queue on ElasticMQ, both functions built on them, a clock
 * that moves one second per reading, and a sender that records what it accepted (SMS is the one
 * thing that leaves the system; it can be made to refuse, as SNS may).
 */
final class NotificationsTestbed {

    static final MessageSchemas SCHEMAS = MessageSchemas.load();
    static final MessageCodec INBOUND = new MessageCodec(MessageTypes.of(
            CustomersMessages.CUSTOMER_REGISTERED, CustomersMessages.CUSTOMER_SMS_CHANGED,
            OrderingMessages.ORDER_CREATED, OrderingMessages.ORDER_READIED, OrderingMessages.ORDER_COMPLETED,
            OrderingMessages.ORDER_CANCELED));

    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String tableName = LocalAws.uniqueName("notifications");
    final String queueUrl;
    final RecordingPublisher bus = RecordingPublisher.accepting();
    final RecordingSender sender = new RecordingSender();
    final NotificationsModule module;
    final NotificationsApiFunction api;
    final NotificationsEventsFunction events;

    NotificationsTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    NotificationsTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        sqs = cloud.sqs();
        ContextTable.create(dynamo, tableName, NotificationsTable.KEYS, NotificationsTable.INDEXES);
        queueUrl = SqsEvents.createQueue(sqs, "notifications");
        module = NotificationsModule.create(dynamo, tableName, new SchemaCheckingPublisher(bus), sender,
                new SteppingClock(Instant.parse("2026-11-27T09:00:00Z")));
        api = new NotificationsApiFunction(module);
        events = new NotificationsEventsFunction(module);
    }

    // ---------------------------------------------------------------- the sender

    /** Records the notifications it accepted; refuses the next {@link #refuseNext} sends. */
    static final class RecordingSender implements NotificationSender {

        final List<Notification> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger refuseNext = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        /** Runs inside the next send, as a second handling running while the first one sends. */
        final java.util.concurrent.atomic.AtomicReference<Runnable> duringNextSend = new java.util.concurrent.atomic.AtomicReference<>();

        @Override
        public void send(Notification notification) {
            attempts.incrementAndGet();
            Runnable during = duringNextSend.getAndSet(null);
            if (during != null) {
                during.run();
            }
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("SMS channel unavailable (injected)");
            }
            sent.add(notification);
        }
    }

    /** One second later at each reading, so notifications have distinct, ordered times. */
    static final class SteppingClock extends Clock {

        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(Duration.ofSeconds(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    // ---------------------------------------------------------------- the table

    Optional<Notification> notification(String id) {
        return new DynamoNotificationRecords(dynamo, tableName, bus).find(id);
    }

    /** Every notification item in the table. */
    List<Notification> allNotifications() {
        return dynamo.scan(ScanRequest.builder().tableName(tableName).consistentRead(true).build()).items().stream()
                .filter(item -> item.get("pk").s().startsWith("notification#"))
                .map(item -> state(item.get("state").s())).toList();
    }

    private static Notification state(String json) {
        try {
            return Json.mapper().readValue(json, Notification.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a notification: " + json, e);
        }
    }

    AttributeValue attribute(String notificationId, String name) {
        return dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(java.util.Map.of("pk", AttributeValue.fromS("notification#" + notificationId)))).item().get(name);
    }

    // ---------------------------------------------------------------- HTTP

    Response list(String pathAndQuery) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("customerId=([^&]+)").matcher(pathAndQuery);
        String caller = named.find() && mallbots.platform.domain.Ids.isUuid(named.group(1)) ? named.group(1)
                : UUID.randomUUID().toString();
        return list(pathAndQuery, caller);
    }

    /** As this customer, whose token API Gateway's authorizer verified. */
    Response list(String pathAndQuery, String caller) {
        return new Response(api.handleRequest(ApiGatewayEvents.route(NotificationsRoutes.LIST).path(pathAndQuery)
                .caller(caller, "mallbots/customer").build(), null));
    }

    Response listOf(String customerId) {
        return list("/api/notifications?customerId=" + customerId);
    }

    record Response(int status, String body) {

        Response(APIGatewayV2HTTPResponse response) {
            this(response.getStatusCode(), response.getBody());
        }

        JsonNode json() {
            return NotificationsTestbed.json(body);
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

    // ---------------------------------------------------------------- messages, through SQS

    /**
     * Sends the messages to the queue as the rules would (each checked against its schema
     * first), receives them as one Lambda SQS event, hands it to the events function, deletes the
     * records it did not report as failed and makes the failed ones visible again, as Lambda and
     * the end of the visibility timeout do.
     */
    SQSBatchResponse deliver(Message<?>... messages) {
        send(messages);
        return receiveAndHandle(messages.length);
    }

    /** Only sends the messages to the queue, as the rules would (each checked against its schema). */
    void send(Message<?>... messages) {
        for (Message<?> message : messages) {
            SqsEvents.send(sqs, queueUrl, schemaChecked(EventBridgeEvents.of(message, INBOUND)));
        }
    }

    /** Receives {@code count} waiting messages (e.g. failed ones, again) and handles them. */
    SQSBatchResponse receiveAndHandle(int count) {
        SQSEvent event = SqsEvents.receive(sqs, queueUrl, count);
        SQSBatchResponse response = events.handleRequest(event, null);
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        List<SQSEvent.SQSMessage> retried = new ArrayList<>();
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            if (failed.contains(record.getMessageId())) {
                retried.add(record);
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle()));
            }
        }
        SQSEvent again = new SQSEvent();
        again.setRecords(retried);
        SqsEvents.release(sqs, queueUrl, again);
        return response;
    }

    void deliverOk(Message<?>... messages) {
        assertThat(deliver(messages).getBatchItemFailures()).isEmpty();
    }

    static String schemaChecked(String eventJson) {
        assertThat(SCHEMAS.validateEvent(eventJson)).as(eventJson).isEmpty();
        return eventJson;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static <T> Message<T> versioned(MessageType<T> type, String aggregateId, long version, T data) {
        return new Message<>(type, Metadata.first().withAggregate(aggregateId, version), data);
    }

    static Message<CustomerRegistered> registered(String customerId, String name, String smsNumber) {
        return versioned(CustomersMessages.CUSTOMER_REGISTERED, customerId, 1,
                new CustomerRegistered(customerId, name, smsNumber));
    }

    static Message<CustomerSmsChanged> smsChanged(String customerId, String smsNumber, long version) {
        return versioned(CustomersMessages.CUSTOMER_SMS_CHANGED, customerId, version,
                new CustomerSmsChanged(customerId, smsNumber));
    }

    static Message<OrderCreated> orderCreated(String orderId, String customerId) {
        return versioned(OrderingMessages.ORDER_CREATED, orderId, 1, new OrderCreated(orderId, customerId, newId(),
                List.of(new OrderCreated.Item(newId(), newId(), "Robot Parts", "Servo Motor", Money.of("12.50"), 2)),
                Money.of("25.00")));
    }

    static Message<OrderReadied> orderReadied(String orderId, String customerId) {
        return versioned(OrderingMessages.ORDER_READIED, orderId, 3,
                new OrderReadied(orderId, customerId, newId(), Money.of("25.00")));
    }

    static Message<OrderCompleted> orderCompleted(String orderId, String customerId) {
        return versioned(OrderingMessages.ORDER_COMPLETED, orderId, 4, new OrderCompleted(orderId, customerId, newId()));
    }

    static Message<OrderCanceled> orderCanceled(String orderId, String customerId) {
        return versioned(OrderingMessages.ORDER_CANCELED, orderId, 2,
                new OrderCanceled(orderId, customerId, newId(), null));
    }

    /** The id of the notification an order event makes: by the order and kind, not by the message. */
    static String idOf(Message<?> orderEvent) {
        NotificationKind kind = switch (orderEvent.detailType()) {
            case "OrderCreated" -> NotificationKind.ORDER_CREATED;
            case "OrderReadied" -> NotificationKind.ORDER_READIED;
            case "OrderCompleted" -> NotificationKind.ORDER_COMPLETED;
            case "OrderCanceled" -> NotificationKind.ORDER_CANCELED;
            default -> throw new IllegalArgumentException("not an order event: " + orderEvent.detailType());
        };
        return Notification.idFor(mallbots.platform.json.Json.mapper().valueToTree(orderEvent.data())
                .get("orderId").asText(), kind);
    }
}
