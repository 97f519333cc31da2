package mallbots.messages.ordering;

import mallbots.messages.Require;

/** Integration event from mallbots.ordering. The create-order saga rejected the order. */
public record OrderRejected(String orderId, String customerId, String paymentId) {

    public OrderRejected {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
    }
}
