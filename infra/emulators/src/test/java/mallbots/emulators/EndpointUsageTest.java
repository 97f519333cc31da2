package mallbots.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import mallbots.emulators.eventbridge.EventBridgeSettings;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the endpoint counts of the requests AWS bills, read back at {@code GET /_mallbots/usage}:
 * DynamoDB request units as dynalite computes them, SQS requests (empty receives too) and
 * EventBridge's deliveries to queues, PutEvents entries by 64 KB chunk.
 */
class EndpointUsageTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAwsEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = LocalAwsEndpoint.start(0, null, EventBridgeSettings.defaults("us-east-1"), new UsageMeter());
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void dynamoDbCallsCountTheRequestUnitsDynamoDbWouldBill() throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            dynamo.createTable(t -> t.tableName("metered").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            JsonNode before = usage();
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("order-1"));
            // 2.5 KB: three write units (1 KB each), one read unit (4 KB), half of one when eventually consistent
            dynamo.putItem(p -> p.tableName("metered").item(Map.of("pk", AttributeValue.fromS("order-1"),
                    "data", AttributeValue.fromS("x".repeat(2500)))));
            var read = dynamo.getItem(g -> g.tableName("metered").key(key).consistentRead(true));
            dynamo.getItem(g -> g.tableName("metered").key(key));
            assertThatThrownBy(() -> dynamo.putItem(p -> p.tableName("metered").item(key)
                    .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
            dynamo.query(q -> q.tableName("metered").keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("order-1"))).consistentRead(true));
            dynamo.describeTable(d -> d.tableName("metered"));

            JsonNode after = usage();
            assertThat(read.item().get("data").s()).hasSize(2500);
            assertThat(grown(before, after, "/dynamoDb/writeRequestUnits")).isEqualTo(3 + 1); // the refused write: one
            assertThat(grown(before, after, "/dynamoDb/readRequestUnits")).isEqualTo(1 + 0.5 + 1);
            assertThat(grown(before, after, "/dynamoDb/byOperation/PutItem")).isEqualTo(2);
            assertThat(grown(before, after, "/dynamoDb/byOperation/GetItem")).isEqualTo(2);
            assertThat(grown(before, after, "/dynamoDb/byOperation/Query")).isEqualTo(1);
            assertThat(after.at("/dynamoDb/byOperation/DescribeTable").isMissingNode()).as("not billed per request").isTrue();
            assertThat(ProcessHandle.of(after.at("/processes/dynalite/pid").asLong()).flatMap(h -> h.info().command()))
                    .as("dynalite runs on Node.js").hasValueSatisfying(command -> assertThat(command).contains("node"));
            assertThat(after.at("/processes/dynalite/cpuMillis").asLong()).isPositive();
            assertThat(after.at("/processes/localCloud/pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void sqsRequestsAndEventBridgeEntriesAreCountedWithTheirDeliveries() throws Exception {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
             EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint.uri())
                     .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String url = sqs.createQueue(c -> c.queueName("metered-orders")).queueUrl();
            String arn = sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            events.putRule(r -> r.name("metered-orders").eventPattern("{\"source\":[\"test.metered\"]}"));
            events.putTargets(t -> t.rule("metered-orders").targets(target -> target.id("queue").arn(arn)));
            JsonNode before = usage();

            events.putEvents(p -> p.entries(
                    PutEventsRequestEntry.builder().source("test.metered").detailType("Small").detail("{\"n\":1}").build(),
                    PutEventsRequestEntry.builder().source("test.metered").detailType("Large")
                            .detail("{\"text\":\"" + "y".repeat(100 * 1024) + "\"}").build()));
            var received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(5)).messages();
            var more = received.size() < 2
                    ? sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(5)).messages()
                    : java.util.List.<software.amazon.awssdk.services.sqs.model.Message>of();
            sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(0));

            JsonNode after = usage();
            assertThat(received.size() + more.size()).isEqualTo(2);
            assertThat(grown(before, after, "/eventBridge/putEventsCalls")).isEqualTo(1);
            assertThat(grown(before, after, "/eventBridge/entries")).isEqualTo(2);
            assertThat(grown(before, after, "/eventBridge/billedEvents")).as("100 KB is two 64 KB chunks").isEqualTo(1 + 2);
            assertThat(grown(before, after, "/sqs/byAction/SendMessage")).as("the rule's deliveries").isEqualTo(2);
            assertThat(grown(before, after, "/sqs/byAction/ReceiveMessage")).isEqualTo(more.isEmpty() ? 2 : 3);
            assertThat(grown(before, after, "/sqs/emptyReceives")).isEqualTo(1);
            assertThat(grown(before, after, "/sqs/billedRequests")).as("the large message is billed as two requests, twice")
                    .isGreaterThanOrEqualTo(grown(before, after, "/sqs/requests") + 2);
        }
    }

    private static double grown(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asDouble(0) - before.at(pointer).asDouble(0);
    }

    private static JsonNode usage() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.uri().resolve(UsageMeter.PATH)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
