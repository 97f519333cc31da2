package mallbots.depot.adapters;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mallbots.depot.application.ShoppingLists;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.NotFound;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shopping lists as state items of the depot table: key {@code "shopping#<id>"}, the list as
 * JSON, the item's own version, the ids of the messages applied to it, {@code orderId} for the
 * {@code byOrder} GSI, and the outbox carrying each change's integration event.
 */
public final class DynamoShoppingLists implements ShoppingLists {

    static final String KEY_PREFIX = "shopping#";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final StateStore<ShoppingList> items;

    public DynamoShoppingLists(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.items = StateStore.builder(dynamo, tableName, ShoppingList.class)
                .publisher(Objects.requireNonNull(publisher, "publisher"))
                .json(ShoppingListJson.mapper())
                .build();
    }

    public static String keyOf(String shoppingListId) {
        return KEY_PREFIX + shoppingListId;
    }

    @Override
    public Optional<ShoppingList> find(String shoppingListId) {
        return items.get(keyOf(shoppingListId)).map(StateItem::state);
    }

    @Override
    public List<ShoppingList> findByOrder(String orderId) {
        // an order has one list, two at most if a saga command was sent twice under new ids: one page
        return dynamo.queryPaginator(r -> r.tableName(tableName).indexName(DepotTable.BY_ORDER_INDEX)
                        .keyConditionExpression("#order = :order")
                        .expressionAttributeNames(Map.of("#order", DepotTable.ORDER_ID))
                        .expressionAttributeValues(Map.of(":order", AttributeValue.fromS(orderId))))
                .items().stream().map(item -> items.decode(item).state()).toList();
    }

    @Override
    public boolean add(ShoppingList list) {
        try {
            items.create(keyOf(list.id()), Change.to(list)
                    .set(DepotTable.ORDER_ID, AttributeValue.fromS(list.orderId())));
            return true;
        } catch (ConcurrencyConflict taken) {
            return false;
        }
    }

    @Override
    public ShoppingList change(String shoppingListId, Cause cause, UnaryOperator<ShoppingList> command) {
        String key = keyOf(shoppingListId);
        Function<Optional<StateItem<ShoppingList>>, Change<ShoppingList>> decide = read -> {
            StateItem<ShoppingList> item = read.orElseThrow(() -> NotFound.of("shopping list", shoppingListId));
            ShoppingList before = item.state();
            ShoppingList after = command.apply(before);
            if (after.equals(before)) {
                // nothing to store; a message decided again on its redelivery decides the same
                return Change.none();
            }
            Change<ShoppingList> change = Change.to(after);
            return DepotAnnouncements.of(before, after, cause, item.version() + 1).map(change::publish).orElse(change);
        };
        ApplyResult<ShoppingList> result = cause.isMessage()
                ? items.applyItem(key, cause.messageId(), decide)
                : items.modifyItem(key, decide);
        return result.state().orElseThrow(() -> NotFound.of("shopping list", shoppingListId));
    }
}
