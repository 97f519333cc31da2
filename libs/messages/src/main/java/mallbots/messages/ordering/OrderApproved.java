package mallbots.messages.ordering;

import mallbots.messages.Require;

/**
 * Integration event from mallbots.ordering. The create-order saga approved the order; shoppingId is
 * its shopping list.
 */
public record OrderApproved(String orderId, String customerId, String paymentId, String shoppingId) {

    public OrderApproved {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        Require.id(shoppingId, "shoppingId");
    }
}
