package mallbots.ordering.handlers;

import mallbots.ordering.OrderingModule;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;

/** The OrderingApi Lambda function: the ordering routes of the HTTP API. */
public final class OrderingApiFunction extends HttpApiFunction {

    public OrderingApiFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public OrderingApiFunction(Environment env) {
        this(OrderingModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public OrderingApiFunction(OrderingModule ordering) {
        super(OrderingRoutes.router(ordering));
    }
}
