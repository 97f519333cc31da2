package mallbots.payments.handlers;

import mallbots.payments.PaymentsModule;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;

/** The PaymentsApi Lambda function: the payments routes of the HTTP API ({@link PaymentsRoutes}). */
public final class PaymentsApiFunction extends HttpApiFunction {

    public PaymentsApiFunction() {
        this(Environment.system());
    }

    public PaymentsApiFunction(Environment env) {
        this(PaymentsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public PaymentsApiFunction(PaymentsModule module) {
        super(PaymentsRoutes.router(module));
    }
}
