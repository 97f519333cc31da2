package mallbots.depot;

import java.util.Objects;
import mallbots.depot.adapters.DynamoShoppingLists;
import mallbots.depot.application.AssignBot;
import mallbots.depot.application.CancelOrderShopping;
import mallbots.depot.application.CancelShoppingList;
import mallbots.depot.application.CompleteShoppingList;
import mallbots.depot.application.CreateShoppingList;
import mallbots.depot.application.GetShoppingList;
import mallbots.depot.application.InitiateShopping;
import mallbots.depot.domain.ProductToPick;
import mallbots.depot.domain.StoreToVisit;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.cache.DynamoEntityCache;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.CommandReplies;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of depot: its use cases, the DynamoDB adapters and the two caches of the
 * stores context's data on one table, publishing through one publisher.
 */
public record DepotModule(
        CreateShoppingList createShoppingList,
        CancelShoppingList cancelShoppingList,
        InitiateShopping initiateShopping,
        AssignBot assignBot,
        CompleteShoppingList completeShoppingList,
        GetShoppingList getShoppingList,
        CancelOrderShopping cancelOrderShopping,
        EntityCache<StoreToVisit> storeCache,
        EntityCache<ProductToPick> productCache,
        CommandReplies replies) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;

    public DepotModule {
        Objects.requireNonNull(createShoppingList, "createShoppingList");
        Objects.requireNonNull(cancelShoppingList, "cancelShoppingList");
        Objects.requireNonNull(initiateShopping, "initiateShopping");
        Objects.requireNonNull(assignBot, "assignBot");
        Objects.requireNonNull(completeShoppingList, "completeShoppingList");
        Objects.requireNonNull(getShoppingList, "getShoppingList");
        Objects.requireNonNull(cancelOrderShopping, "cancelOrderShopping");
        Objects.requireNonNull(storeCache, "storeCache");
        Objects.requireNonNull(productCache, "productCache");
        Objects.requireNonNull(replies, "replies");
    }

    /** On a table shaped as {@code DepotTable} in template.yaml, publishing through {@code publisher}. */
    public static DepotModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        var lists = new DynamoShoppingLists(dynamo, tableName, publisher);
        var stores = DynamoEntityCache.builder(dynamo, tableName, StoreToVisit.class)
                .keyPrefix("store#").blank(StoreToVisit::unseen).build();
        var products = DynamoEntityCache.builder(dynamo, tableName, ProductToPick.class)
                .keyPrefix("product#").blank(ProductToPick::unseen).build();
        return new DepotModule(
                new CreateShoppingList(lists, stores, products),
                new CancelShoppingList(lists),
                new InitiateShopping(lists),
                new AssignBot(lists),
                new CompleteShoppingList(lists),
                new GetShoppingList(lists),
                new CancelOrderShopping(lists),
                stores,
                products,
                CommandReplies.builder(dynamo, tableName, publisher).build());
    }

    /** From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}) with real clients. */
    public static DepotModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher());
    }
}
