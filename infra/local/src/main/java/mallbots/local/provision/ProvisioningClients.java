package mallbots.local.provision;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients the local cloud provisions and polls with. Usually all three talk to one
 * endpoint (ours or LocalStack's); tests may point each service somewhere else.
 */
public record ProvisioningClients(SqsClient sqs, DynamoDbClient dynamo, EventBridgeClient events) implements AutoCloseable {

    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    public static ProvisioningClients of(URI endpoint, String region) {
        return of(endpoint, endpoint, endpoint, region);
    }

    public static ProvisioningClients of(URI sqsEndpoint, URI dynamoEndpoint, URI eventsEndpoint, String region) {
        Region r = Region.of(region);
        // Long polls wait up to 20 s: the read timeout must outlast them.
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)).build();
        ClientOverrideConfiguration config = ClientOverrideConfiguration.builder().build();
        return new ProvisioningClients(
                SqsClient.builder().endpointOverride(sqsEndpoint).region(r).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build(),
                DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(r).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build(),
                EventBridgeClient.builder().endpointOverride(eventsEndpoint).region(r).credentialsProvider(CREDENTIALS)
                        .httpClient(http).overrideConfiguration(config).build());
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
        events.close();
    }
}
