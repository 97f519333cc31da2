package mallbots.depot.handlers;

import java.util.Objects;
import mallbots.depot.adapters.DynamoProductCache;
import mallbots.depot.adapters.DynamoShoppingLists;
import mallbots.depot.adapters.DynamoStoreCache;
import mallbots.depot.application.AssignBot;
import mallbots.depot.application.CancelOrderShopping;
import mallbots.depot.application.CancelShoppingList;
import mallbots.depot.application.CompleteShoppingList;
import mallbots.depot.application.CreateShoppingList;
import mallbots.depot.application.GetShoppingList;
import mallbots.depot.application.InitiateShopping;
import mallbots.depot.application.UpdateProductCache;
import mallbots.depot.application.UpdateStoreCache;
import mallbots.platform.aws.AwsClients;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventBridgePublisher;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.CommandReplies;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The depot context wired: its use cases on one table, publishing through one publisher. */
public record DepotModule(
        CreateShoppingList createShoppingList,
        CancelShoppingList cancelShoppingList,
        InitiateShopping initiateShopping,
        AssignBot assignBot,
        CompleteShoppingList completeShoppingList,
        GetShoppingList getShoppingList,
        CancelOrderShopping cancelOrderShopping,
        UpdateStoreCache updateStoreCache,
        UpdateProductCache updateProductCache,
        CommandReplies replies) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    public DepotModule {
        Objects.requireNonNull(createShoppingList, "createShoppingList");
        Objects.requireNonNull(cancelShoppingList, "cancelShoppingList");
        Objects.requireNonNull(initiateShopping, "initiateShopping");
        Objects.requireNonNull(assignBot, "assignBot");
        Objects.requireNonNull(completeShoppingList, "completeShoppingList");
        Objects.requireNonNull(getShoppingList, "getShoppingList");
        Objects.requireNonNull(cancelOrderShopping, "cancelOrderShopping");
        Objects.requireNonNull(updateStoreCache, "updateStoreCache");
        Objects.requireNonNull(updateProductCache, "updateProductCache");
        Objects.requireNonNull(replies, "replies");
    }

    /** On a table shaped as {@code DepotTable} in template.yaml, publishing through {@code publisher}. */
    public static DepotModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        var lists = new DynamoShoppingLists(dynamo, tableName, publisher);
        var stores = new DynamoStoreCache(dynamo, tableName, publisher);
        var products = new DynamoProductCache(dynamo, tableName, publisher);
        return new DepotModule(
                new CreateShoppingList(lists, stores, products),
                new CancelShoppingList(lists),
                new InitiateShopping(lists),
                new AssignBot(lists),
                new CompleteShoppingList(lists),
                new GetShoppingList(lists),
                new CancelOrderShopping(lists),
                new UpdateStoreCache(stores),
                new UpdateProductCache(products),
                CommandReplies.builder(dynamo, tableName, publisher).build());
    }

    /** From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}) with real clients. */
    public static DepotModule fromEnvironment(Environment env) {
        // settings first: a missing one fails before any client is made
        String tableName = env.require(TABLE_NAME);
        String busName = env.require(EVENT_BUS_NAME);
        AwsClients clients = AwsClients.forEnvironment(env);
        return create(clients.dynamoDb(), tableName, new EventBridgePublisher(clients.eventBridge(), busName));
    }
}
