package mallbots.emulators.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mallbots.emulators.LocalAwsEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/**
 * Faults injected at the endpoint reach the AWS SDK as AWS's own errors (the SDK's exception
 * types, its retry decisions), a timeout after the work was done leaves the work done, and the
 * same seed draws the same faults.
 */
class EndpointFaultsTest {

    private static LocalAwsEndpoint endpoint;
    private static FaultInjector faults;

    @BeforeAll
    static void start() {
        endpoint = LocalAwsEndpoint.start(0, "us-east-1", null);
        try (DynamoDbClient dynamo = dynamo("test", 3)) {
            dynamo.createTable(t -> t.tableName("faulted").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        }
        faults = new FaultInjector(new FaultPlan(7, 1.0, java.time.Duration.ofMillis(300)));
        endpoint.injectFaults(faults);
        faults.arm();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void every_dynamodb_fault_reaches_the_sdk_as_aws_would_answer_and_a_timeout_leaves_the_write_done() {
        Set<FaultKind> seen = EnumSet.noneOf(FaultKind.class);
        try (DynamoDbClient dynamo = dynamo("test", 0); DynamoDbClient observer = dynamo(FaultInjector.SPARED_ACCESS_KEY, 0)) {
            for (int i = 0; i < 30 && seen.size() < 3; i++) {
                String key = "k-" + i;
                try {
                    dynamo.putItem(p -> p.tableName("faulted").item(Map.of("pk", AttributeValue.fromS(key))));
                    throw new AssertionError("every request is faulted at rate 1");
                } catch (InternalServerErrorException e) {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(written(observer, key)).as("nothing applied").isFalse();
                    seen.add(FaultKind.DYNAMODB_INTERNAL_ERROR);
                } catch (ProvisionedThroughputExceededException e) {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(written(observer, key)).as("nothing applied").isFalse();
                    seen.add(FaultKind.DYNAMODB_THROTTLING);
                } catch (SdkClientException e) {
                    // the connection dropped before the answer: the write was done all the same
                    assertThat(written(observer, key)).as("applied before its answer was lost").isTrue();
                    seen.add(FaultKind.DYNAMODB_TIMEOUT);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(FaultKind.DYNAMODB_INTERNAL_ERROR, FaultKind.DYNAMODB_THROTTLING,
                FaultKind.DYNAMODB_TIMEOUT);
        assertThat(faults.snapshot().get("injected").toString()).contains("DYNAMODB_TIMEOUT=");
    }

    @Test
    void put_events_faults_are_eventbridge_errors_and_the_crash_is_not_retried_by_the_sdk() {
        List<String> types = new ArrayList<>();
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint.uri())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials("test")).overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            for (int i = 0; i < 40 && types.size() < 40; i++) {
                try {
                    events.putEvents(r -> r.entries(e -> e.source("test").detailType("T").detail("{}")));
                } catch (EventBridgeException e) {
                    String type = e.awsErrorDetails().errorCode();
                    types.add(type);
                    if (type.equals("AccessDeniedException")) {
                        assertThat(e.retryable()).as("a crash is not retried").isFalse();
                        assertThat(e.getMessage()).contains("crashed after its write");
                    }
                } catch (SdkException timeout) {
                    types.add("timeout");
                }
            }
        }
        assertThat(types).contains("InternalException", "ThrottlingException", "AccessDeniedException", "timeout");
    }

    @Test
    void the_same_seed_draws_the_same_faults() {
        FaultInjector one = new FaultInjector(FaultPlan.parse("seed=3,rate=0.5"));
        FaultInjector two = new FaultInjector(FaultPlan.parse("seed=3,rate=0.5"));
        one.arm();
        two.arm();
        for (int i = 0; i < 200; i++) {
            assertThat(one.forRequest("dynamodb", "PutItem", null, "test"))
                    .isEqualTo(two.forRequest("dynamodb", "PutItem", null, "test"));
            assertThat(one.forDelivery()).isEqualTo(two.forDelivery());
        }
        assertThat(new FaultInjector(FaultPlan.parse("seed=3,rate=1")).forRequest("dynamodb", "GetItem", null, "test"))
                .as("nothing before arm()").isEmpty();
        assertThatThrownBy(() -> FaultPlan.parse("rate=2")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultPlan.parse("sead=1")).hasMessageContaining("seed, rate and delay-ms");
    }

    private static boolean written(DynamoDbClient observer, String key) {
        return observer.getItem(g -> g.tableName("faulted").consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key)))).hasItem();
    }

    private static DynamoDbClient dynamo(String accessKey, int retries) {
        return DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                .credentialsProvider(credentials(accessKey)).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(retries + 1))).build();
    }

    private static StaticCredentialsProvider credentials(String accessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "test"));
    }
}
