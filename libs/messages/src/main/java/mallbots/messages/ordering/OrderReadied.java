package mallbots.messages.ordering;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.ordering. The order's items are at the depot; payments issues the
 * invoice for total.
 */
public record OrderReadied(String orderId, String customerId, String paymentId, Money total) {

    public OrderReadied {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        Require.notNegative(total, "total");
    }
}
