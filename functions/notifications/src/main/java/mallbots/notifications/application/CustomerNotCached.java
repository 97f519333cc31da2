package mallbots.notifications.application;

/**
 * An order event for a customer whose number is not cached yet. Not a refusal of the domain: the
 * customer's event is on its way, so the record fails and SQS delivers it again later (and after
 * maxReceiveCount it reaches the dead-letter queue, with this reason logged).
 */
public final class CustomerNotCached extends RuntimeException {

    public CustomerNotCached(String customerId, String messageId) {
        super("customer " + customerId + " is not in the notifications cache yet (no CustomerRegistered seen);"
                + " message " + messageId + " will be retried");
    }
}
