package mallbots.platform.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Objects;

/**
 * The base of a context's events function (an SQS event source with ReportBatchItemFailures).
 * A context's handler is then a few lines, with the constructor seam the local cloud uses:
 *
 * <pre>{@code
 * public final class StoresEvents extends SqsEventsFunction {
 *     public StoresEvents() { this(Environment.system()); }
 *     public StoresEvents(Environment env) { super(StoresWiring.eventsConsumer(env)); }
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

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return consumer.handle(event);
    }
}
