package mallbots.messages.payments;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/** Integration event from mallbots.payments. An invoice was paid. */
public record InvoicePaid(String invoiceId, String orderId, Money amount) {

    public InvoicePaid {
        Require.id(invoiceId, "invoiceId");
        Require.id(orderId, "orderId");
        Require.notNegative(amount, "amount");
    }
}
