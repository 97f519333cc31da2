package mallbots.customers.application;

import java.util.Objects;
import mallbots.customers.domain.Customer;

/** Lets a disabled customer place orders again. */
public final class EnableCustomer {

    private final CustomerRepository customers;

    public EnableCustomer(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    public Customer enable(String customerId) {
        return customers.change(customerId, Customer::enable);
    }
}
