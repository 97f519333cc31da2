package mallbots.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

class EmulatorsStartTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @Test
    void dynaliteStoresAndReturnsAnItemAndStopsWithItsProcess() {
        Dynalite dynalite = Dynalite.start();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            dynamo.createTable(t -> t.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            dynamo.putItem(p -> p.tableName("things").item(Map.of("pk", AttributeValue.fromS("a"),
                    "name", AttributeValue.fromS("first"))));

            var item = dynamo.getItem(g -> g.tableName("things").key(Map.of("pk", AttributeValue.fromS("a")))).item();

            assertThat(item.get("name").s()).isEqualTo("first");
        } finally {
            dynalite.close();
        }
        assertThat(dynalite.isAlive()).isFalse();
        assertThat(Ports.isOpen(dynalite.port())).isFalse();
    }

    @Test
    void elasticMqSendsAndReceivesAMessage() {
        try (ElasticMq sqs = ElasticMq.start("us-east-1");
             SqsClient client = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            String url = client.createQueue(c -> c.queueName("orders")).queueUrl();
            client.sendMessage(s -> s.queueUrl(url).messageBody("{\"hello\":1}"));

            var messages = client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages();

            assertThat(url).contains(":" + sqs.port() + "/");
            assertThat(messages).singleElement().extracting(m -> m.body()).isEqualTo("{\"hello\":1}");
        }
    }
}
