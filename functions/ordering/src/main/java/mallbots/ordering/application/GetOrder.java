package mallbots.ordering.application;

import java.util.Objects;
import mallbots.platform.domain.NotFound;

/** Reads an order. */
public final class GetOrder {

    private final OrderRepository orders;

    public GetOrder(OrderRepository orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** @throws NotFound if there is no such order */
    public OrderView get(String orderId) {
        String id = OrderIds.require(orderId);
        return orders.find(id).map(OrderView::of).orElseThrow(() -> NotFound.of("order", id));
    }
}
