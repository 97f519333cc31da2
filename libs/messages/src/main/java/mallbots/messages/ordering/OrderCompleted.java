package mallbots.messages.ordering;

import mallbots.messages.Require;

/** Integration event from mallbots.ordering. The order's invoice was paid; the order is complete. */
public record OrderCompleted(String orderId, String customerId, String invoiceId) {

    public OrderCompleted {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.id(invoiceId, "invoiceId");
    }
}
