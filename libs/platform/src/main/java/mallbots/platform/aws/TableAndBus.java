package mallbots.platform.aws;

import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventBridgePublisher;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a context's function writes to and announces through: its table and the event bus, from
 * the function's settings {@code TABLE_NAME} and {@code EVENT_BUS_NAME} with the real clients of
 * {@link AwsClients}. The settings are read first, so a missing one fails before any client is made.
 */
public record TableAndBus(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    public static TableAndBus fromEnvironment(Environment env) {
        String tableName = env.require(TABLE_NAME);
        String busName = env.require(EVENT_BUS_NAME);
        AwsClients clients = AwsClients.forEnvironment(env);
        return new TableAndBus(clients.dynamoDb(), tableName, new EventBridgePublisher(clients.eventBridge(), busName));
    }
}
