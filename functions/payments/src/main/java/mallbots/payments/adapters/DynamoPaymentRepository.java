package mallbots.payments.adapters;

import java.util.Objects;
import java.util.Optional;
import mallbots.payments.application.PaymentRepository;
import mallbots.payments.domain.Payment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Payments as state items of the payments table, key {@code "payment#<id>"} (the table also holds
 * invoices and the saga participant's answered commands). A payment never changes once stored.
 */
public final class DynamoPaymentRepository implements PaymentRepository {

    static final String KEY_PREFIX = "payment#";

    private final StateStore<StoredPayment> items;

    public DynamoPaymentRepository(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, StoredPayment.class)
                .publisher(Objects.requireNonNull(publisher, "publisher"))
                .build();
    }

    /** The item key of a payment. */
    public static String keyOf(String paymentId) {
        return KEY_PREFIX + paymentId;
    }

    @Override
    public void add(Payment payment) {
        items.create(keyOf(payment.id()), Change.to(StoredPayment.of(payment)));
    }

    @Override
    public Optional<Payment> find(String paymentId) {
        return items.get(keyOf(paymentId)).map(item -> item.state().toPayment());
    }
}
