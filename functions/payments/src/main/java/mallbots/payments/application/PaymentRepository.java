package mallbots.payments.application;

import java.util.Optional;
import mallbots.payments.domain.Payment;

/** Where authorized payments are kept. A payment announces nothing: only its id leaves the context. */
public interface PaymentRepository {

    /** Stores a new payment. */
    void add(Payment payment);

    Optional<Payment> find(String paymentId);
}
