package mallbots.stores.handlers;

import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;
import mallbots.stores.StoresModule;

/** The stores HTTP API (Lambda handler {@code mallbots.stores.handlers.StoresApiFunction}). */
public final class StoresApiFunction extends HttpApiFunction {

    /** In Lambda: the process environment. */
    public StoresApiFunction() {
        this(Environment.system());
    }

    /** The local cloud: this function's own environment (TABLE_NAME, EVENT_BUS_NAME, AWS settings). */
    public StoresApiFunction(Environment env) {
        this(StoresModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    /** Tests: the context already wired. */
    public StoresApiFunction(StoresModule stores) {
        super(StoresRoutes.router(stores));
    }
}
