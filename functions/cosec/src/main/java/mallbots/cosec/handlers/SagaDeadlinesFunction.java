package mallbots.cosec.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Objects;
import mallbots.cosec.CosecModule;
import mallbots.platform.config.Environment;
import mallbots.platform.priming.Priming;

/**
 * The scheduled function that acts on overdue create-order sagas: sends an overdue step's
 * commands again, or, with no resend left, compensates the saga ("timed out"), so that no order
 * stays pending for good. Settings as {@link CosecModule#fromEnvironment}.
 */
public final class SagaDeadlinesFunction implements RequestHandler<ScheduledEvent, String> {

    private final CosecModule module;

    public SagaDeadlinesFunction() {
        this(Environment.system());
    }

    public SagaDeadlinesFunction(Environment env) {
        this(CosecModule.fromEnvironment(env));
        // The sweep itself is left out of priming: it may publish (that is its job).
        Priming.forFunction(env, ScheduledEvent.class,
                "{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                        + "\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}",
                ScheduledEvent::new, String.class, event -> null).registerFor(env);
    }

    public SagaDeadlinesFunction(CosecModule module) {
        this.module = Objects.requireNonNull(module, "module");
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return module.deadlines().sweep().toString();
    }
}
