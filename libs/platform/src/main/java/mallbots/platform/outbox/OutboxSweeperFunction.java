package mallbots.platform.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.config.Environment;
import mallbots.platform.logging.LogContext;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.priming.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The scheduled Lambda function that sweeps one context's outbox. Settings: {@code TABLE_NAME},
 * {@code EVENT_BUS_NAME}, optionally {@code OUTBOX_GRACE_SECONDS} (default 30). Region, endpoint
 * and credentials come from {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} of the given
 * environment when it has them (the local cloud runs many functions in one JVM, each with its
 * own map), else from the SDK's defaults (in Lambda: the process environment).
 */
public final class OutboxSweeperFunction implements RequestHandler<ScheduledEvent, String> {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;
    public static final String GRACE_SECONDS = "OUTBOX_GRACE_SECONDS";

    private final OutboxSweeper sweeper;

    public OutboxSweeperFunction() {
        this(Environment.system());
    }

    public OutboxSweeperFunction(Environment environment) {
        // settings first: a bad one fails before any client is made (TableAndBus reads its own first too)
        Duration grace = Duration.ofSeconds(
                environment.getInt(GRACE_SECONDS, (int) OutboxSweeper.DEFAULT_GRACE.toSeconds()));
        TableAndBus context = TableAndBus.fromEnvironment(environment);
        this(context.dynamo(), context.tableName(), context.publisher(), grace);
        // The sweep itself is left out of priming: it may publish (that is its job).
        Priming.forFunction(environment, ScheduledEvent.class,
                "{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                        + "\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}",
                ScheduledEvent::new, String.class, event -> null).registerFor(environment);
    }

    public OutboxSweeperFunction(DynamoDbClient dynamo, String tableName, EventPublisher publisher, Duration grace) {
        this.sweeper = new OutboxSweeper(dynamo, tableName, publisher, grace, Clock.systemUTC());
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        try (LogContext.Scope scope = LogContext.invocation(context)) {
            return sweeper.sweep().toString();
        }
    }

}
