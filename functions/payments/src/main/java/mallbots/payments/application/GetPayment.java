package mallbots.payments.application;

import java.util.Objects;
import mallbots.payments.domain.Payment;
import mallbots.platform.domain.NotFound;

/** Reads one payment. */
public final class GetPayment {

    private final PaymentRepository payments;

    public GetPayment(PaymentRepository payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    /** @throws NotFound if there is no such payment */
    public Payment get(String paymentId) {
        return payments.find(paymentId).orElseThrow(() -> NotFound.of("payment", paymentId));
    }
}
