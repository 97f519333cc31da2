package mallbots.payments.application;

import java.util.Objects;
import mallbots.payments.domain.Confirmation;
import mallbots.platform.domain.Money;

/**
 * The saga's ConfirmPayment: does the payment exist, belong to the order's customer and cover
 * the order's total? Changes nothing (a payment is not used up by confirming it).
 */
public final class DecidePaymentConfirmation {

    private final PaymentRepository payments;

    public DecidePaymentConfirmation(PaymentRepository payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    public Confirmation confirm(String paymentId, String customerId, Money amount) {
        return payments.find(paymentId)
                .map(payment -> payment.confirm(customerId, amount))
                .orElseGet(() -> Confirmation.refuse("payment " + paymentId + " not found"));
    }
}
