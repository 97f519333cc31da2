package mallbots.platform.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The stores' contract on dynalite, the local cloud's DynamoDB: the reference the in-memory tables are held to. */
class DynaliteStoresTest extends StoresContract {

    @Override
    protected DynamoDbClient dynamo() {
        return LocalAws.dynamo();
    }
}
