package mallbots.platform.priming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart priming against the real local endpoint (our EventBridge, ElasticMQ, dynalite): the
 * checkpoint hook runs every step without a failure, and afterwards the table holds what it held
 * and the bus has published nothing (a rule sends everything on the bus to a queue, which stays
 * empty; the same rule does deliver an event published on purpose).
 */
class PrimingTest {

    private static LocalAwsEndpoint endpoint;
    private static DynamoDbClient dynamo;
    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static String table;
    private static String bus;
    private static String queueUrl;

    @BeforeAll
    static void startEndpoint() {
        endpoint = LocalAwsEndpoint.start(0, LocalAws.REGION.id(), null);
        URI uri = endpoint.uri();
        dynamo = DynamoDbClient.builder().endpointOverride(uri).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        events = EventBridgeClient.builder().endpointOverride(uri).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(uri).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();

        table = LocalAws.uniqueName("priming");
        dynamo.createTable(request -> request.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("store#1"), "sk", AttributeValue.fromN("1"), "name", AttributeValue.fromS("Acme"))));

        bus = LocalAws.uniqueName("priming-bus");
        events.createEventBus(request -> request.name(bus));
        String queue = LocalAws.uniqueName("priming-all");
        queueUrl = sqs.createQueue(request -> request.queueName(queue)).queueUrl();
        String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(request -> request.name("everything").eventBusName(bus)
                .eventPattern("{\"source\":[{\"prefix\":\"\"}]}"));
        events.putTargets(request -> request.rule("everything").eventBusName(bus)
                .targets(t -> t.id("all").arn(queueArn)));
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.close();
    }

    private static Environment environment(String tableName) {
        return Environment.of(Map.of(
                "TABLE_NAME", tableName,
                "EVENT_BUS_NAME", bus,
                "AWS_REGION", LocalAws.REGION.id(),
                "AWS_ENDPOINT_URL", endpoint.uri().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"));
    }

    /** An API function whose only route writes: priming must not reach it. */
    static final class WritingApi extends HttpApiFunction {
        final AtomicInteger writes = new AtomicInteger();
        final Priming priming;

        WritingApi(Environment env, AtomicInteger writes) {
            super(HttpRouter.builder().route("POST /api/things", request -> {
                writes.incrementAndGet();
                return HttpResponse.created(Map.of("id", "1"));
            }).build());
            priming = primeBeforeCheckpoint(env);
        }
    }

    static final class EventsFunction extends SqsEventsFunction {
        final Priming priming;

        EventsFunction(Environment env) {
            super(SqsMessageConsumer.of(MessageHandlers.builder().build()));
            priming = primeBeforeCheckpoint(env);
        }
    }

    @Test
    void theCheckpointHookPrimesClientsSerializersAndHandlersWithoutTouchingTheTableOrTheBus() throws Exception {
        // the rule and queue do see what is published on the bus
        events.putEvents(request -> request.entries(PutEventsRequestEntry.builder().eventBusName(bus)
                .source("test").detailType("Control").detail("{}").build()));
        assertThat(receiveAll()).hasSize(1);
        var before = scan();

        AtomicInteger writes = new AtomicInteger();
        WritingApi api = new WritingApi(environment(table), writes);
        EventsFunction consumer = new EventsFunction(environment(table));
        assertThat(api.priming.stepNames()).containsExactly("aws clients", "handler path");
        assertThat(api.priming.lastFailures()).isEmpty();

        api.priming.beforeCheckpoint(null);
        consumer.priming.beforeCheckpoint(null);

        assertThat(api.priming.lastFailures()).contains(List.of());
        assertThat(consumer.priming.lastFailures()).contains(List.of());
        assertThat(writes).hasValue(0);
        assertThat(scan()).isEqualTo(before);
        assertThat(receiveAll()).isEmpty();
    }

    @Test
    void aStepThatFailsIsReportedAndTheOthersStillRun() {
        AtomicInteger writes = new AtomicInteger();
        WritingApi api = new WritingApi(environment("no-such-table"), writes);

        List<String> failures = api.priming.prime();

        assertThat(failures).singleElement().asString()
                .startsWith("aws clients: ").contains("ResourceNotFoundException");
        assertThat(writes).hasValue(0);
    }

    @Test
    void aFunctionHostedAmongOthersRegistersNothingAndDoesNotPrimeAtInit() {
        Map<String, String> variables = new java.util.HashMap<>(environment("no-such-table").asMap());
        variables.put(Priming.PRIME_AT_INIT, "true");
        // not the process's own environment (the local cloud's case): no priming at construction
        WritingApi api = new WritingApi(Environment.of(variables), new AtomicInteger());

        assertThat(api.priming.lastFailures()).isEmpty();
    }

    private static List<Map<String, AttributeValue>> scan() {
        return new ArrayList<>(dynamo.scan(request -> request.tableName(table).consistentRead(true)).items());
    }

    private static List<Message> receiveAll() {
        List<Message> received = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            received.addAll(batch);
            for (Message message : batch) {
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return received;
    }
}
