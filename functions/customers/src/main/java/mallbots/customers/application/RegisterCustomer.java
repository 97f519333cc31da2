package mallbots.customers.application;

import java.util.Objects;
import java.util.UUID;
import mallbots.customers.domain.Customer;
import mallbots.customers.domain.SmsNumber;

/** Registers a new customer, enabled, under a new id. */
public final class RegisterCustomer {

    private final CustomerRepository customers;

    public RegisterCustomer(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    /** @return the new customer */
    public Customer register(String name, String smsNumber) {
        Customer.Changed registered = Customer.register(UUID.randomUUID().toString(), name, SmsNumber.parse(smsNumber));
        customers.add(registered);
        return registered.customer();
    }
}
