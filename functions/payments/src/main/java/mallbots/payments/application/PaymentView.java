package mallbots.payments.application;

import mallbots.payments.domain.Payment;

/** A payment as the API shows it: {"id", "customerId", "amount": "12.50"}. */
public record PaymentView(String id, String customerId, String amount) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id(), payment.customerId(), payment.amount().toString());
    }
}
