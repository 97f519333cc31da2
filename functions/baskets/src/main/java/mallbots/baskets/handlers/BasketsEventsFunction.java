package mallbots.baskets.handlers;

import mallbots.baskets.BasketsModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The BasketsEvents Lambda function: drains BasketsQueue (the stores events that keep the caches
 * current, as {@link BasketsSubscriptions} lists them) and reports only the records that failed.
 */
public final class BasketsEventsFunction extends SqsEventsFunction {

    public BasketsEventsFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public BasketsEventsFunction(Environment env) {
        this(BasketsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public BasketsEventsFunction(BasketsModule baskets) {
        super(SqsMessageConsumer.of(BasketsSubscriptions.of(baskets)));
    }
}
