package mallbots.platform.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * The scheduled Lambda function that sweeps one context's outbox. Settings: {@code TABLE_NAME},
 * {@code EVENT_BUS_NAME}, optionally {@code OUTBOX_GRACE_SECONDS} (default 30). Region, endpoint
 * and credentials come from {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} of the given
 * environment when it has them (the local cloud runs many functions in one JVM, each with its
 * own map), else from the SDK's defaults (in Lambda: the process environment).
 */
public final class OutboxSweeperFunction implements RequestHandler<ScheduledEvent, String> {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    public static final String GRACE_SECONDS = "OUTBOX_GRACE_SECONDS";

    private final OutboxSweeper sweeper;

    public OutboxSweeperFunction() {
        this(Environment.system());
    }

    public OutboxSweeperFunction(Environment environment) {
        this(dynamo(environment), environment.require(TABLE_NAME), publisher(environment),
                Duration.ofSeconds(environment.getInt(GRACE_SECONDS, (int) OutboxSweeper.DEFAULT_GRACE.toSeconds())));
    }

    public OutboxSweeperFunction(DynamoDbClient dynamo, String tableName, EventPublisher publisher, Duration grace) {
        this.sweeper = new OutboxSweeper(dynamo, tableName, publisher, grace, Clock.systemUTC());
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return sweeper.sweep().toString();
    }

    private static EventPublisher publisher(Environment environment) {
        String busName = environment.require(EVENT_BUS_NAME);
        EventBridgeClientBuilder builder = configure(EventBridgeClient.builder(), environment)
                .httpClient(UrlConnectionHttpClient.create());
        // TODO(lead): new EventBridgePublisher(builder.build(), busName) from mallbots.platform.messaging
        return new PutEventsPublisher(builder.build(), busName);
    }

    private static DynamoDbClient dynamo(Environment environment) {
        return configure(DynamoDbClient.builder(), environment).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Environment environment) {
        environment.get("AWS_REGION").map(Region::of).ifPresent(builder::region);
        environment.get("AWS_ENDPOINT_URL").map(URI::create).ifPresent(builder::endpointOverride);
        var accessKey = environment.get("AWS_ACCESS_KEY_ID");
        var secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            var sessionToken = environment.get("AWS_SESSION_TOKEN");
            builder.credentialsProvider(StaticCredentialsProvider.create(sessionToken.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), sessionToken.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
        }
        return builder;
    }
}
