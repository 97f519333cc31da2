package mallbots.customers.application;

import java.util.Objects;
import mallbots.customers.domain.Customer;
import mallbots.customers.domain.SmsNumber;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.Ids;
import mallbots.platform.domain.RuleViolation;

/**
 * Registers a new customer, enabled, under the id of the person who registers (the subject of
 * their token): one customer per person, registered once.
 */
public final class RegisterCustomer {

    private final CustomerRepository customers;

    public RegisterCustomer(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    /**
     * @return the new customer
     * @throws RuleViolation if a customer with this id is registered already
     */
    public Customer register(String customerId, String name, String smsNumber) {
        Customer.Changed registered = Customer.register(Ids.require(customerId, "customerId"), name,
                SmsNumber.parse(smsNumber));
        try {
            customers.add(registered);
        } catch (ConcurrencyConflict exists) {
            throw new RuleViolation("customer " + customerId + " is already registered");
        }
        return registered.customer();
    }
}
