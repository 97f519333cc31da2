package mallbots.messages.payments;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.payments. A pending invoice was canceled because its order was
 * canceled.
 */
public record InvoiceCanceled(String invoiceId, String orderId, Money amount) {

    public InvoiceCanceled {
        Require.id(invoiceId, "invoiceId");
        Require.id(orderId, "orderId");
        Require.notNegative(amount, "amount");
    }
}
