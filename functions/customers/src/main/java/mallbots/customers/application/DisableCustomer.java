package mallbots.customers.application;

import java.util.Objects;
import mallbots.customers.domain.Customer;

/** Stops a customer from placing orders (the saga's AuthorizeCustomer fails for them). */
public final class DisableCustomer {

    private final CustomerRepository customers;

    public DisableCustomer(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    public Customer disable(String customerId) {
        return customers.change(customerId, Customer::disable);
    }
}
