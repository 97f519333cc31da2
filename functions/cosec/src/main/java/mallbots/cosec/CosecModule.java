package mallbots.cosec;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import mallbots.cosec.application.CreateOrderSaga;
import mallbots.cosec.application.HandleSagaReply;
import mallbots.cosec.application.StartCreateOrderSaga;
import mallbots.cosec.application.StopCreateOrderSaga;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.SagaDeadlineSweeper;
import mallbots.platform.saga.SagaDeadlines;
import mallbots.platform.saga.SagaOrchestrator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of cosec, the create-order saga execution coordinator (the original
 * MallBots application's name for the context that runs the create-order saga): the saga's
 * instances in one table, its commands through one publisher, its deadlines swept from the
 * table's deadline index.
 */
public record CosecModule(
        StartCreateOrderSaga start,
        HandleSagaReply replies,
        StopCreateOrderSaga stop,
        SagaDeadlineSweeper deadlines,
        SagaOrchestrator<CreateOrderData> sagas) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;
    /** Seconds a saga step waits for its replies before its commands are sent again (template: SagaStepDeadlineSeconds). */
    public static final String STEP_DEADLINE_SECONDS = "SAGA_STEP_DEADLINE_SECONDS";
    /** How many times an overdue step's commands are sent again before the saga times out (template: SagaStepResends). */
    public static final String STEP_RESENDS = "SAGA_STEP_RESENDS";

    public CosecModule {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(sagas, "sagas");
    }

    /** On a table shaped as {@code CosecTable} in template.yaml, publishing through {@code publisher}, default deadlines. */
    public static CosecModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        return create(dynamo, tableName, publisher, SagaDeadlines.defaults());
    }

    /** {@link #create(DynamoDbClient, String, EventPublisher)} with these deadlines. */
    public static CosecModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher,
            SagaDeadlines deadlines) {
        SagaOrchestrator<CreateOrderData> sagas =
                SagaOrchestrator.create(CreateOrderSaga.DEFINITION, dynamo, tableName, publisher, deadlines);
        return new CosecModule(new StartCreateOrderSaga(sagas), new HandleSagaReply(sagas),
                new StopCreateOrderSaga(sagas), new SagaDeadlineSweeper(dynamo, tableName, sagas), sagas);
    }

    /**
     * From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}, optionally
     * {@code SAGA_STEP_DEADLINE_SECONDS} and {@code SAGA_STEP_RESENDS}) with real clients.
     */
    public static CosecModule fromEnvironment(Environment env) {
        // settings first: a bad one fails before any client is made (TableAndBus reads its own first too)
        SagaDeadlines deadlines = new SagaDeadlines(
                Duration.ofSeconds(env.getInt(STEP_DEADLINE_SECONDS, (int) SagaDeadlines.DEFAULT_PER_STEP.toSeconds())),
                env.getInt(STEP_RESENDS, SagaDeadlines.DEFAULT_RESENDS), Clock.systemUTC());
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher(), deadlines);
    }
}
