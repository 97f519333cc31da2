package mallbots.cosec.application;

import java.util.Objects;
import java.util.regex.Pattern;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.platform.messaging.Message;
import mallbots.platform.metrics.FunctionMetrics;
import mallbots.platform.saga.SagaOrchestrator;
import mallbots.platform.saga.SagaResult;

/** Moves a create-order saga on with a participant's reply (see {@link SagaOrchestrator#onReply}). */
public final class HandleSagaReply {

    private static final Pattern IDS = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final SagaOrchestrator<CreateOrderData> sagas;

    public HandleSagaReply(SagaOrchestrator<CreateOrderData> sagas) {
        this.sagas = Objects.requireNonNull(sagas, "sagas");
    }

    public SagaResult handle(Message<?> reply) {
        SagaResult result = sagas.onReply(reply);
        // how long each step's participant took to answer: from the step's commands to this reply
        result.answeredStep().ifPresent(answered ->
                FunctionMetrics.millis("SagaStepMillis", answered.latency().toMillis(), "step", answered.action()));
        if (result.status() == SagaResult.Status.COMPENSATED) {
            // the order is rejected: counted by reason, ids left out so that reasons stay few
            String reason = result.state().reason() == null ? "unknown" : result.state().reason();
            FunctionMetrics.count("OrdersRejectedByReason", "reason", IDS.matcher(reason).replaceAll("<id>"));
        }
        return result;
    }
}
