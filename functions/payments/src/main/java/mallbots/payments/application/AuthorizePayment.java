package mallbots.payments.application;

import java.util.Objects;
import java.util.UUID;
import mallbots.payments.domain.Payment;
import mallbots.platform.domain.Money;

/** Authorizes a new payment under a new id; the customer gives that id when checking out a basket. */
public final class AuthorizePayment {

    private final PaymentRepository payments;

    public AuthorizePayment(PaymentRepository payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    /** @return the new payment */
    public Payment authorize(String customerId, Money amount) {
        Payment payment = Payment.authorize(UUID.randomUUID().toString(), customerId, amount);
        payments.add(payment);
        return payment;
    }
}
