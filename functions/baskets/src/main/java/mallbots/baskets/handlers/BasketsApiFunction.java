package mallbots.baskets.handlers;

import mallbots.baskets.BasketsModule;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;

/** The BasketsApi Lambda function: the baskets routes of the HTTP API. */
public final class BasketsApiFunction extends HttpApiFunction {

    public BasketsApiFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public BasketsApiFunction(Environment env) {
        this(BasketsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public BasketsApiFunction(BasketsModule baskets) {
        super(BasketsRoutes.router(baskets));
    }
}
