package mallbots.depot.handlers;

import mallbots.depot.DepotModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The DepotEvents Lambda function: drains DepotQueue (stores events for the caches, the saga's
 * commands to depot, OrderCanceled) and reports only the records that failed.
 */
public final class DepotEventsFunction extends SqsEventsFunction {

    public DepotEventsFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public DepotEventsFunction(Environment env) {
        this(DepotModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public DepotEventsFunction(DepotModule depot) {
        super(SqsMessageConsumer.of(DepotSubscriptions.of(depot)));
    }
}
