package mallbots.platform.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Objects;
import mallbots.platform.config.Environment;
import mallbots.platform.logging.LogContext;
import mallbots.platform.priming.Priming;

/**
 * The base of a context's events function (an SQS event source with ReportBatchItemFailures).
 * A context's handler is then a few lines, with the constructor seam the local cloud uses (depot's,
 * its {@code DepotSubscriptions} listing what it does with each message):
 *
 * <pre>{@code
 * public final class DepotEventsFunction extends SqsEventsFunction {
 *     public DepotEventsFunction() { this(Environment.system()); }
 *     public DepotEventsFunction(Environment env) {
 *         this(DepotModule.fromEnvironment(env));
 *         primeBeforeCheckpoint(env);
 *     }
 *     public DepotEventsFunction(DepotModule depot) { super(SqsMessageConsumer.of(DepotSubscriptions.of(depot))); }
 * }
 * }</pre>
 *
 * The consumer is built in the constructor, once per container (and so in the SnapStart snapshot).
 */
public abstract class SqsEventsFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsMessageConsumer consumer;

    protected SqsEventsFunction(SqsMessageConsumer consumer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /**
     * SnapStart priming of this function (see {@link Priming}): its clients, the runtime's
     * serializers and the consumer, on a batch without records. A context's
     * {@code (Environment)} constructor calls it; it registers only for Lambda's own process.
     */
    protected final Priming primeBeforeCheckpoint(Environment env) {
        Priming priming = Priming.forFunction(env, SQSEvent.class, "{\"Records\":[]}", () -> {
            SQSEvent empty = new SQSEvent();
            empty.setRecords(List.of());
            return empty;
        }, SQSBatchResponse.class, consumer::handle);
        priming.registerFor(env);
        return priming;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (LogContext.Scope scope = LogContext.invocation(context)) {
            return consumer.handle(event);
        }
    }
}
