package mallbots.search;

import java.util.Objects;
import mallbots.platform.aws.AwsClients;
import mallbots.platform.cache.DynamoEntityCache;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.search.adapters.DynamoSearchOrders;
import mallbots.search.application.FindOrders;
import mallbots.search.application.ProjectOrder;
import mallbots.search.domain.CachedName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of search: its use cases and caches on one table. Search publishes
 * nothing: its stores get a publisher that refuses, which no write reaches (no change of search
 * has an outbox entry), so the function needs no EVENT_BUS_NAME, no sweeper and no PutEvents
 * permission.
 */
public record SearchModule(
        ProjectOrder projectOrder,
        EntityCache<CachedName> customerNames,
        EntityCache<CachedName> storeNames,
        EntityCache<CachedName> productNames,
        FindOrders findOrders) {

    public static final String TABLE_NAME = "TABLE_NAME";

    private static final EventPublisher PUBLISHES_NOTHING = events -> {
        throw new IllegalStateException("search publishes nothing, yet was asked to publish " + events);
    };

    public SearchModule {
        Objects.requireNonNull(projectOrder, "projectOrder");
        Objects.requireNonNull(customerNames, "customerNames");
        Objects.requireNonNull(storeNames, "storeNames");
        Objects.requireNonNull(productNames, "productNames");
        Objects.requireNonNull(findOrders, "findOrders");
    }

    /** On a table shaped as SearchTable in template.yaml. */
    public static SearchModule create(DynamoDbClient dynamo, String tableName) {
        var orders = new DynamoSearchOrders(dynamo, tableName, PUBLISHES_NOTHING);
        var customers = names(dynamo, tableName, "customer#");
        var stores = names(dynamo, tableName, "store#");
        var products = names(dynamo, tableName, "product#");
        return new SearchModule(new ProjectOrder(orders), customers, stores, products,
                new FindOrders(orders, customers, stores, products));
    }

    private static EntityCache<CachedName> names(DynamoDbClient dynamo, String tableName, String keyPrefix) {
        return DynamoEntityCache.builder(dynamo, tableName, CachedName.class)
                .keyPrefix(keyPrefix).blank(CachedName::unseen).build();
    }

    /** From a function's settings ({@code TABLE_NAME}) with real clients. */
    public static SearchModule fromEnvironment(Environment env) {
        String tableName = env.require(TABLE_NAME);
        return create(AwsClients.forEnvironment(env).dynamoDb(), tableName);
    }
}
