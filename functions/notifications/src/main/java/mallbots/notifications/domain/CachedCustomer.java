package mallbots.notifications.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;

/**
 * What notifications knows of a customer: the name and the SMS number, each as of the customer's
 * aggregate version that set it (CustomerRegistered sets both, CustomerSmsChanged the number).
 * Events arrive at least once and in any order, so each part merges by its own version; the
 * customer can be notified once the number is {@linkplain #reachable() known}.
 */
public record CachedCustomer(String customerId, Versioned<String> name, Versioned<String> smsNumber) {

    public CachedCustomer {
        InvalidValue.requireText(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(smsNumber, "smsNumber");
    }

    /** The entry of a customer no event has been seen for yet. */
    public static CachedCustomer unseen(String customerId) {
        return new CachedCustomer(customerId, Versioned.unset(), Versioned.unset());
    }

    /** CustomerRegistered at {@code version}. */
    public CachedCustomer registered(String customerName, String number, long version) {
        return new CachedCustomer(customerId, name.merge(InvalidValue.requireText(customerName, "name"), version),
                smsNumber.merge(InvalidValue.requireText(number, "smsNumber"), version));
    }

    /** CustomerSmsChanged at {@code version}. */
    public CachedCustomer smsChanged(String number, long version) {
        return new CachedCustomer(customerId, name,
                smsNumber.merge(InvalidValue.requireText(number, "smsNumber"), version));
    }

    /** The SMS number is known: a notification can be sent. */
    public boolean reachable() {
        return smsNumber.known();
    }
}
