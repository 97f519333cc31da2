package mallbots.baskets.handlers;

import java.util.Objects;
import mallbots.baskets.adapters.DynamoProductCache;
import mallbots.baskets.adapters.DynamoStoreCache;
import mallbots.baskets.adapters.EventStoreBasketRepository;
import mallbots.baskets.application.AddItemToBasket;
import mallbots.baskets.application.CancelBasket;
import mallbots.baskets.application.CheckOutBasket;
import mallbots.baskets.application.GetBasket;
import mallbots.baskets.application.RemoveItemFromBasket;
import mallbots.baskets.application.StartBasket;
import mallbots.baskets.application.UpdateProductCache;
import mallbots.baskets.application.UpdateStoreCache;
import mallbots.platform.aws.AwsClients;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventBridgePublisher;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The baskets context wired: its use cases on one table, publishing through one publisher. */
public record BasketsModule(
        StartBasket startBasket,
        GetBasket getBasket,
        CancelBasket cancelBasket,
        AddItemToBasket addItem,
        RemoveItemFromBasket removeItem,
        CheckOutBasket checkOut,
        UpdateStoreCache updateStoreCache,
        UpdateProductCache updateProductCache) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    /** @param publisher where the outboxes go: the bus in production, a recording publisher in tests */
    public static BasketsModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(publisher, "publisher");
        var baskets = new EventStoreBasketRepository(dynamo, tableName, publisher);
        var stores = new DynamoStoreCache(dynamo, tableName, publisher);
        var products = new DynamoProductCache(dynamo, tableName, publisher);
        return new BasketsModule(
                new StartBasket(baskets),
                new GetBasket(baskets),
                new CancelBasket(baskets),
                new AddItemToBasket(baskets, products, stores),
                new RemoveItemFromBasket(baskets),
                new CheckOutBasket(baskets),
                new UpdateStoreCache(stores),
                new UpdateProductCache(products));
    }

    /** From a function's settings: {@code TABLE_NAME}, {@code EVENT_BUS_NAME}, and the AWS ones of {@link AwsClients}. */
    public static BasketsModule fromEnvironment(Environment env) {
        // settings first: a missing one fails before any client is made
        String tableName = env.require(TABLE_NAME);
        String busName = env.require(EVENT_BUS_NAME);
        AwsClients clients = AwsClients.forEnvironment(env);
        return create(clients.dynamoDb(), tableName, new EventBridgePublisher(clients.eventBridge(), busName));
    }
}
