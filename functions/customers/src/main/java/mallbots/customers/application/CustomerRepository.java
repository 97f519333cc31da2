package mallbots.customers.application;

import java.util.Optional;
import java.util.function.Function;
import mallbots.customers.domain.Customer;

/**
 * Where customers are kept. Every change is stored together with the integration event that
 * announces it, so that the two are never separated.
 */
public interface CustomerRepository {

    /** Stores a new customer and announces its registration. */
    void add(Customer.Changed registered);

    /**
     * Runs {@code command} on the customer as stored and stores what it leads to, announcing its
     * event. The command may run again if another writer changed the customer meanwhile.
     *
     * @return the customer after the change
     * @throws mallbots.platform.domain.NotFound if there is no such customer
     */
    Customer change(String customerId, Function<Customer, Customer.Changed> command);

    Optional<Customer> find(String customerId);
}
