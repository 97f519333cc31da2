package mallbots.platform.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * The scheduled Lambda function that sweeps one context's outbox. Settings: {@code TABLE_NAME},
 * {@code EVENT_BUS_NAME}, optionally {@code OUTBOX_GRACE_SECONDS} (default 30). Region and
 * endpoint come from {@code AWS_REGION} and {@code AWS_ENDPOINT_URL} of the given environment
 * when it has them (the local cloud runs many functions in one JVM), else from the SDK's defaults.
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
        EventBridgeClientBuilder builder = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create());
        environment.get("AWS_REGION").map(Region::of).ifPresent(builder::region);
        environment.get("AWS_ENDPOINT_URL").map(URI::create).ifPresent(builder::endpointOverride);
        // TODO(lead): new EventBridgePublisher(builder.build(), busName) from mallbots.platform.messaging
        return new PutEventsPublisher(builder.build(), busName);
    }

    private static DynamoDbClient dynamo(Environment environment) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        environment.get("AWS_REGION").map(Region::of).ifPresent(builder::region);
        environment.get("AWS_ENDPOINT_URL").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
