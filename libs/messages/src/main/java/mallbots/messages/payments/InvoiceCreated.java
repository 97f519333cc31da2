package mallbots.messages.payments;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.payments. A pending invoice was issued for a ready order (invoice id
 * = order id).
 */
public record InvoiceCreated(String invoiceId, String orderId, Money amount) {

    public InvoiceCreated {
        Require.id(invoiceId, "invoiceId");
        Require.id(orderId, "orderId");
        Require.notNegative(amount, "amount");
    }
}
