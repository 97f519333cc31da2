package mallbots.platform.testing;

import java.net.URI;
import mallbots.emulators.Dynalite;
import mallbots.emulators.ElasticMq;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real emulators of the local cloud for tests: one dynalite process and one embedded
 * ElasticMQ per test JVM, started on first use and stopped when the JVM ends. Tests share
 * them, so each test uses its own table and queue names (see {@link #uniqueName}).
 */
public final class LocalAws {

    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static Dynalite dynalite;
    private static ElasticMq elasticMq;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static int counter;

    private LocalAws() {
    }

    public static synchronized URI dynamoEndpoint() {
        if (dynalite == null) {
            dynalite = Dynalite.start();
            Runtime.getRuntime().addShutdownHook(new Thread(dynalite::close, "test-dynalite-stop"));
        }
        return dynalite.endpoint();
    }

    public static synchronized URI sqsEndpoint() {
        if (elasticMq == null) {
            elasticMq = ElasticMq.start(REGION.id());
            Runtime.getRuntime().addShutdownHook(new Thread(elasticMq::close, "test-elasticmq-stop"));
        }
        return elasticMq.endpoint();
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint()).region(REGION)
                    .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return dynamo;
    }

    public static synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder().endpointOverride(sqsEndpoint()).region(REGION)
                    .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return sqs;
    }

    /** A name no other test in this JVM uses, for a table or a queue. */
    public static synchronized String uniqueName(String prefix) {
        return prefix + "-" + (++counter) + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }
}
