package mallbots.customers.application;

import java.util.Objects;
import mallbots.customers.domain.Customer;
import mallbots.customers.domain.SmsNumber;

/** Changes the number a customer's notifications go to. */
public final class ChangeSmsNumber {

    private final CustomerRepository customers;

    public ChangeSmsNumber(CustomerRepository customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    public Customer change(String customerId, String smsNumber) {
        SmsNumber number = SmsNumber.parse(smsNumber); // a bad number is refused before any read
        return customers.change(customerId, customer -> customer.changeSmsNumber(number));
    }
}
