package mallbots.customers.application;

import java.util.Objects;
import mallbots.customers.domain.Customer;
import mallbots.platform.domain.NotFound;

/** Reads one customer. */
public final class GetCustomer {

    private final CustomerRepository customers;

    public GetCustomer(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    /** @throws NotFound if there is no such customer */
    public Customer get(String customerId) {
        return customers.find(customerId).orElseThrow(() -> NotFound.of("customer", customerId));
    }
}
