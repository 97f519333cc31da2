package mallbots.notifications.adapters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.notifications.application.NotificationRecords;
import mallbots.notifications.domain.Notification;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Notifications as state items of the notifications table, key {@code "notification#<id>"}. A
 * new one is a PutItem with {@code attribute_not_exists(pk)} that also records the causing
 * message as applied (the id is that message's id); its {@code customerId} and {@code sentAt}
 * are top-level attributes, the keys of the {@code byCustomer} GSI.
 */
public final class DynamoNotificationRecords implements NotificationRecords {

    static final String KEY_PREFIX = "notification#";
    /** Until when a handling has claimed the sending of a pending notification. */
    static final String SENDING_UNTIL = "sendingUntil";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final StateStore<Notification> items;

    public DynamoNotificationRecords(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.items = StateStore.builder(dynamo, tableName, Notification.class).publisher(publisher).build();
    }

    public static String keyOf(String notificationId) {
        return KEY_PREFIX + notificationId;
    }

    @Override
    public boolean recordNew(Notification notification) {
        ApplyResult<Notification> result = items.apply(keyOf(notification.id()), notification.id(),
                current -> current.isPresent() ? Change.none() : Change.to(notification)
                        .set(NotificationsTable.CUSTOMER_ID, AttributeValue.fromS(notification.customerId()))
                        .set(NotificationsTable.SENT_AT, AttributeValue.fromS(notification.sentAt())));
        return result.applied();
    }

    @Override
    public Optional<Notification> find(String id) {
        return items.get(keyOf(id)).map(StateItem::state);
    }

    @Override
    public boolean claimSend(String id, Instant now, Instant until) {
        ApplyResult<Notification> claimed = items.modifyItem(keyOf(id), current -> current
                .filter(item -> item.state().pending())
                .filter(item -> !item.item().containsKey(SENDING_UNTIL)
                        || !Instant.parse(item.item().get(SENDING_UNTIL).s()).isAfter(now))
                .map(item -> Change.<Notification>keep().set(SENDING_UNTIL, AttributeValue.fromS(until.toString())))
                .orElseGet(Change::none));
        return claimed.applied();
    }

    @Override
    public void releaseSend(String id) {
        items.modifyItem(keyOf(id), current -> current.filter(item -> item.item().containsKey(SENDING_UNTIL))
                .map(item -> Change.<Notification>keep().remove(SENDING_UNTIL))
                .orElseGet(Change::none));
    }

    @Override
    public void markSent(String id) {
        items.modify(keyOf(id), current -> current.filter(Notification::pending)
                .map(notification -> Change.to(notification.sent()).remove(SENDING_UNTIL))
                .orElseGet(Change::none));
    }

    @Override
    public List<Notification> ofCustomer(String customerId) {
        List<Notification> newestFirst = new ArrayList<>();
        Map<String, AttributeValue> from = null;
        do {
            QueryResponse page = dynamo.query(query(customerId, from));
            page.items().forEach(item -> newestFirst.add(items.decode(item).state()));
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        return newestFirst;
    }

    private QueryRequest query(String customerId, Map<String, AttributeValue> from) {
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(NotificationsTable.BY_CUSTOMER_INDEX)
                .keyConditionExpression("#customer = :customer")
                .expressionAttributeNames(Map.of("#customer", NotificationsTable.CUSTOMER_ID))
                .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId)))
                .scanIndexForward(false)
                .exclusiveStartKey(from)
                .build();
    }
}
