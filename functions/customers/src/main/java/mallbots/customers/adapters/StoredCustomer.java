package mallbots.customers.adapters;

import mallbots.customers.domain.Customer;
import mallbots.customers.domain.SmsNumber;

/** A customer as its item's {@code state} holds it (JSON), apart from the domain record's shape. */
public record StoredCustomer(String id, String name, String smsNumber, boolean enabled) {

    static StoredCustomer of(Customer customer) {
        return new StoredCustomer(customer.id(), customer.name(), customer.smsNumber().value(), customer.enabled());
    }

    Customer toCustomer() {
        return new Customer(id, name, new SmsNumber(smsNumber), enabled);
    }
}
