package mallbots.platform.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The stores' contract on {@link InMemoryDynamo}, the tables the contexts' application tests run on. */
class InMemoryStoresTest extends StoresContract {

    private final InMemoryDynamo dynamo = new InMemoryDynamo();

    @Override
    protected DynamoDbClient dynamo() {
        return dynamo;
    }
}
