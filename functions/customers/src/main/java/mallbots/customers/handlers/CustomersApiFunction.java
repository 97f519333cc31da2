package mallbots.customers.handlers;

import mallbots.customers.CustomersModule;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;

/** The CustomersApi Lambda function: the customers routes of the HTTP API ({@link CustomersRoutes}). */
public final class CustomersApiFunction extends HttpApiFunction {

    public CustomersApiFunction() {
        this(Environment.system());
    }

    public CustomersApiFunction(Environment env) {
        this(CustomersModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public CustomersApiFunction(CustomersModule module) {
        super(CustomersRoutes.router(module));
    }
}
