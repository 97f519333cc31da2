package mallbots.payments.adapters;

import mallbots.payments.domain.Payment;
import mallbots.platform.domain.Money;

/** A payment as its item's {@code state} holds it (JSON; the amount as a "12.50" string). */
public record StoredPayment(String id, String customerId, Money amount) {

    static StoredPayment of(Payment payment) {
        return new StoredPayment(payment.id(), payment.customerId(), payment.amount());
    }

    Payment toPayment() {
        return new Payment(id, customerId, amount);
    }
}
