package mallbots.messages.cosec;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/** Saga command to payments: succeed if the payment exists, belongs to the customer and covers the amount. */
public record ConfirmPaymentCommand(String paymentId, String customerId, Money amount) {

    public ConfirmPaymentCommand {
        Require.id(paymentId, "paymentId");
        Require.id(customerId, "customerId");
        Require.notNegative(amount, "amount");
    }
}
