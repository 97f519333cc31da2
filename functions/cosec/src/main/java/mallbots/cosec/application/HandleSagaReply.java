package mallbots.cosec.application;

import java.util.Objects;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaOrchestrator;
import mallbots.platform.saga.SagaResult;

/** Moves a create-order saga on with a participant's reply (see {@link SagaOrchestrator#onReply}). */
public final class HandleSagaReply {

    private final SagaOrchestrator<CreateOrderData> sagas;

    public HandleSagaReply(SagaOrchestrator<CreateOrderData> sagas) {
        this.sagas = Objects.requireNonNull(sagas, "sagas");
    }

    public SagaResult handle(Message<?> reply) {
        return sagas.onReply(reply);
    }
}
