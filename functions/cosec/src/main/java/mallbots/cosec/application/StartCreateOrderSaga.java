package mallbots.cosec.application;

import java.util.Objects;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.cosec.domain.ShoppingItem;
import mallbots.messages.ordering.OrderCreated;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaOrchestrator;
import mallbots.platform.saga.SagaResult;

/**
 * Starts the create-order saga of a new order. The saga's id is the order's id, so an order has
 * one saga: a second OrderCreated for it (a copy, or a replay) starts nothing.
 */
public final class StartCreateOrderSaga {

    private final SagaOrchestrator<CreateOrderData> sagas;

    public StartCreateOrderSaga(SagaOrchestrator<CreateOrderData> sagas) {
        this.sagas = Objects.requireNonNull(sagas, "sagas");
    }

    public SagaResult start(Message<OrderCreated> event) {
        OrderCreated order = event.data();
        CreateOrderData data = CreateOrderData.of(order.orderId(), order.customerId(), order.paymentId(),
                order.items().stream()
                        .map(item -> new ShoppingItem(item.productId(), item.storeId(), item.quantity()))
                        .toList(),
                order.total());
        return sagas.start(order.orderId(), data, event);
    }
}
