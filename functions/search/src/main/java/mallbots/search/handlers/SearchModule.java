package mallbots.search.handlers;

import java.util.Objects;
import mallbots.platform.aws.AwsClients;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.search.adapters.DynamoNameCache;
import mallbots.search.adapters.DynamoSearchOrders;
import mallbots.search.application.FindOrders;
import mallbots.search.application.ProjectOrder;
import mallbots.search.application.UpdateNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The search context wired on one table. Search publishes nothing: its stores get a publisher
 * that refuses, which no write reaches (no change of search has an outbox entry), so the
 * function needs no EVENT_BUS_NAME, no sweeper and no PutEvents permission.
 */
public record SearchModule(ProjectOrder projectOrder, UpdateNames updateNames, FindOrders findOrders) {

    public static final String TABLE_NAME = "TABLE_NAME";

    private static final EventPublisher PUBLISHES_NOTHING = events -> {
        throw new IllegalStateException("search publishes nothing, yet was asked to publish " + events);
    };

    public SearchModule {
        Objects.requireNonNull(projectOrder, "projectOrder");
        Objects.requireNonNull(updateNames, "updateNames");
        Objects.requireNonNull(findOrders, "findOrders");
    }

    /** On a table shaped as SearchTable in template.yaml. */
    public static SearchModule create(DynamoDbClient dynamo, String tableName) {
        var orders = new DynamoSearchOrders(dynamo, tableName, PUBLISHES_NOTHING);
        var names = new DynamoNameCache(dynamo, tableName, PUBLISHES_NOTHING);
        return new SearchModule(new ProjectOrder(orders), new UpdateNames(names), new FindOrders(orders, names));
    }

    /** From a function's settings ({@code TABLE_NAME}) with real clients. */
    public static SearchModule fromEnvironment(Environment env) {
        String tableName = env.require(TABLE_NAME);
        return create(AwsClients.forEnvironment(env).dynamoDb(), tableName);
    }
}
