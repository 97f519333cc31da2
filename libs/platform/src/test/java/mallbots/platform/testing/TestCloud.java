package mallbots.platform.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where a context's testbed keeps its table and its queue: in memory ({@link InMemoryDynamo},
 * {@link InMemorySqs}: the application and handler tests), or on the local cloud's emulators
 * (dynalite and ElasticMQ through {@link LocalAws}: at least one test per handler, the real path).
 * {@code StoresContract} and {@code QueuesContract} hold the first to the second.
 */
public record TestCloud(DynamoDbClient dynamo, SqsClient sqs) {

    /** A fresh in-memory table space and queues, for one testbed. */
    public static TestCloud inMemory() {
        return new TestCloud(new InMemoryDynamo(), new InMemorySqs());
    }

    /** The JVM's shared dynalite and ElasticMQ (each testbed makes its own table and queue names). */
    public static TestCloud emulators() {
        return new TestCloud(LocalAws.dynamo(), LocalAws.sqs());
    }
}
