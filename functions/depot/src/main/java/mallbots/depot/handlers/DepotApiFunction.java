package mallbots.depot.handlers;

import mallbots.depot.DepotModule;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;

/** The DepotApi Lambda function: the depot routes of the HTTP API (the bots' side of a shopping list). */
public final class DepotApiFunction extends HttpApiFunction {

    public DepotApiFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public DepotApiFunction(Environment env) {
        this(DepotModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public DepotApiFunction(DepotModule depot) {
        super(DepotRoutes.router(depot));
    }
}
