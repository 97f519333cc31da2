package mallbots.customers.application;

import mallbots.customers.domain.Customer;

/** A customer as the API shows it. */
public record CustomerView(String id, String name, String smsNumber, boolean enabled) {

    public static CustomerView of(Customer customer) {
        return new CustomerView(customer.id(), customer.name(), customer.smsNumber().value(), customer.enabled());
    }
}
