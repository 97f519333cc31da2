package mallbots.cosec.handlers;

import java.util.Objects;
import mallbots.cosec.application.CreateOrderSaga;
import mallbots.cosec.application.HandleSagaReply;
import mallbots.cosec.application.StartCreateOrderSaga;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.platform.aws.AwsClients;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventBridgePublisher;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.SagaOrchestrator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cosec context wired: the create-order saga's instances in one table, its commands through one publisher. */
public record CosecModule(
        StartCreateOrderSaga start,
        HandleSagaReply replies,
        SagaOrchestrator<CreateOrderData> sagas) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    public CosecModule {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(sagas, "sagas");
    }

    /** On a table shaped as {@code CosecTable} in template.yaml, publishing through {@code publisher}. */
    public static CosecModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        SagaOrchestrator<CreateOrderData> sagas =
                SagaOrchestrator.create(CreateOrderSaga.DEFINITION, dynamo, tableName, publisher);
        return new CosecModule(new StartCreateOrderSaga(sagas), new HandleSagaReply(sagas), sagas);
    }

    /** From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}) with real clients. */
    public static CosecModule fromEnvironment(Environment env) {
        // settings first: a missing one fails before any client is made
        String tableName = env.require(TABLE_NAME);
        String busName = env.require(EVENT_BUS_NAME);
        AwsClients clients = AwsClients.forEnvironment(env);
        return create(clients.dynamoDb(), tableName, new EventBridgePublisher(clients.eventBridge(), busName));
    }
}
