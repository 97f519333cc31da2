package mallbots.notifications.application;

import java.util.Objects;

/**
 * Keeps the customer cache current from CustomerRegistered and CustomerSmsChanged. Each part of
 * an entry keeps the newest version that set it, so duplicates and any order leave it right.
 * Each method answers false for a message applied before.
 */
public final class UpdateCustomerCache {

    private final CustomerCache customers;

    public UpdateCustomerCache(CustomerCache customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    public boolean registered(String messageId, String customerId, String name, String smsNumber, long version) {
        return customers.merge(customerId, messageId, customer -> customer.registered(name, smsNumber, version));
    }

    public boolean smsChanged(String messageId, String customerId, String smsNumber, long version) {
        return customers.merge(customerId, messageId, customer -> customer.smsChanged(smsNumber, version));
    }
}
