package mallbots.customers.application;

import java.util.Objects;
import mallbots.customers.domain.Customer;
import mallbots.platform.domain.RuleViolation;

/** The saga's question: may this customer place an order? Yes if it exists and is enabled. Changes nothing. */
public final class DecideAuthorization {

    private final CustomerRepository customers;

    public DecideAuthorization(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    public Authorization authorize(String customerId) {
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            return Authorization.refuse("customer " + customerId + " not found");
        }
        try {
            customer.authorize();
            return Authorization.grant();
        } catch (RuleViolation refused) {
            return Authorization.refuse(refused.getMessage());
        }
    }
}
