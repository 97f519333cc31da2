package mallbots.cosec.application;

import java.util.Objects;
import java.util.Optional;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaOrchestrator;
import mallbots.platform.saga.SagaResult;

/**
 * A canceled order ends its create-order saga: whatever step it waits at, the saga compensates
 * what succeeded (a shopping list made for it is canceled; the order, canceled already, stays
 * so) and is done, with the reason "order canceled". A saga that is done already, or none (the
 * OrderCanceled came first), is left alone.
 */
public final class StopCreateOrderSaga {

    public static final String REASON = "order canceled";

    private final SagaOrchestrator<CreateOrderData> sagas;

    public StopCreateOrderSaga(SagaOrchestrator<CreateOrderData> sagas) {
        this.sagas = Objects.requireNonNull(sagas, "sagas");
    }

    public Optional<SagaResult> stop(Message<OrderCanceled> event) {
        return sagas.stop(event.data().orderId(), REASON, event);
    }
}
