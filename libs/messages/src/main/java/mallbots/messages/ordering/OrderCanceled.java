package mallbots.messages.ordering;

import mallbots.messages.Require;
import mallbots.platform.messaging.Nullable;

/**
 * Integration event from mallbots.ordering. The customer canceled the order; shoppingId is present
 * when a shopping list exists.
 */
public record OrderCanceled(
        String orderId,
        String customerId,
        String paymentId,
        @Nullable String shoppingId) {

    public OrderCanceled {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        Require.idIfPresent(shoppingId, "shoppingId");
    }
}
