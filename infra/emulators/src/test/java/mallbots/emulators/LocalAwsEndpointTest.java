package mallbots.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** DynamoDB and SQS through the single endpoint, and what the endpoint says to anything else. */
class LocalAwsEndpointTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static LocalAwsEndpoint endpoint;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        long started = System.nanoTime();
        endpoint = LocalAwsEndpoint.start(0, "us-east-1", null);
        System.out.println("LocalAwsEndpoint start-up: " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void dynamoDbTablesAndItemsWorkThroughTheEndpoint() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            dynamo.createTable(t -> t.tableName("stores").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            dynamo.putItem(p -> p.tableName("stores").item(Map.of("pk", AttributeValue.fromS("s-1"),
                    "name", AttributeValue.fromS("Corner Shop"))));

            var item = dynamo.getItem(g -> g.tableName("stores").key(Map.of("pk", AttributeValue.fromS("s-1")))).item();

            assertThat(item.get("name").s()).isEqualTo("Corner Shop");
            assertThat(dynamo.listTables().tableNames()).contains("stores");
        }
    }

    @Test
    void sqsQueuesWorkThroughTheEndpointAndTheirUrlsNameIt() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            String url = sqs.createQueue(c -> c.queueName("baskets")).queueUrl();
            sqs.sendMessage(s -> s.queueUrl(url).messageBody("{\"basketId\":\"b-1\"}"));

            var messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2)).messages();

            assertThat(URI.create(url).getPort()).isEqualTo(endpoint.uri().getPort());
            assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{\"basketId\":\"b-1\"}"));
        }
    }

    @Test
    void sqsQueryProtocolRequestsAreServedToo() throws Exception {
        HttpResponse<String> created = post("Action=CreateQueue&QueueName=legacy&Version=2012-11-05");
        HttpResponse<String> listed = post("Action=ListQueues&Version=2012-11-05");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("/000000000000/legacy");
    }

    @Test
    void anyOtherRequestIsAnsweredWithTheServicesTheEndpointServes() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.uri())
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("EventBridge", "DynamoDB", "SQS", "Kinesis_20131202.ListStreams");
    }

    @Test
    void closeStopsEverythingIncludingDynalite() {
        LocalAwsEndpoint another = LocalAwsEndpoint.start(0, "eu-west-1", null);
        int port = another.uri().getPort();
        int dynamoPort = another.dynamoDbEndpoint().getPort();
        int sqsPort = another.sqsEndpoint().getPort();
        long nodesBefore = dynaliteProcesses(dynamoPort);

        another.close();

        assertThat(nodesBefore).isEqualTo(1);
        assertThat(dynaliteProcesses(dynamoPort)).isZero();
        assertThat(Ports.isOpen(dynamoPort)).isFalse();
        assertThat(Ports.isOpen(sqsPort)).isFalse();
        assertThat(Ports.isOpen(port)).isFalse();
    }

    private static long dynaliteProcesses(int port) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                .filter(p -> p.info().commandLine().orElse("").contains(Integer.toString(port)))
                .count();
    }

    private static HttpResponse<String> post(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
