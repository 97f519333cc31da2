package mallbots.baskets;

import java.util.Objects;
import mallbots.baskets.adapters.EventStoreBasketRepository;
import mallbots.baskets.application.AddItemToBasket;
import mallbots.baskets.application.CancelBasket;
import mallbots.baskets.application.CheckOutBasket;
import mallbots.baskets.application.GetBasket;
import mallbots.baskets.application.RemoveItemFromBasket;
import mallbots.baskets.application.StartBasket;
import mallbots.baskets.domain.CachedProduct;
import mallbots.baskets.domain.CachedStore;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.cache.DynamoEntityCache;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The baskets context wired, its composition root: its use cases and caches on one table,
 * publishing through one publisher. The only class that makes the adapters.
 */
public record BasketsModule(
        StartBasket startBasket,
        GetBasket getBasket,
        CancelBasket cancelBasket,
        AddItemToBasket addItem,
        RemoveItemFromBasket removeItem,
        CheckOutBasket checkOut,
        EntityCache<CachedStore> storeCache,
        EntityCache<CachedProduct> productCache) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;

    /** @param publisher where the outboxes go: the bus in production, a recording publisher in tests */
    public static BasketsModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(publisher, "publisher");
        var baskets = new EventStoreBasketRepository(dynamo, tableName, publisher);
        // the caches share the table with the basket histories, at sk 0 (histories start at 1)
        var stores = DynamoEntityCache.builder(dynamo, tableName, CachedStore.class)
                .keyPrefix("store#").blank(CachedStore::unseen).sortKey(0).build();
        var products = DynamoEntityCache.builder(dynamo, tableName, CachedProduct.class)
                .keyPrefix("product#").blank(CachedProduct::unseen).sortKey(0).build();
        return new BasketsModule(
                new StartBasket(baskets),
                new GetBasket(baskets),
                new CancelBasket(baskets),
                new AddItemToBasket(baskets, products, stores),
                new RemoveItemFromBasket(baskets),
                new CheckOutBasket(baskets),
                stores,
                products);
    }

    /** From a function's settings: {@code TABLE_NAME}, {@code EVENT_BUS_NAME}, and the AWS ones of {@link AwsClients}. */
    public static BasketsModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher());
    }
}
