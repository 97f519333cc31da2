package mallbots.customers.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;

/**
 * A customer of the mall. Registered enabled; only an enabled customer may place orders. Each
 * command returns the customer it leads to together with the event that announces it.
 */
public record Customer(String id, String name, SmsNumber smsNumber, boolean enabled) {

    public Customer {
        InvalidValue.requireText(id, "id");
        name = InvalidValue.requireText(name, "name");
        Objects.requireNonNull(smsNumber, "smsNumber");
    }

    /** The customer after a command, and the event that says so. */
    public record Changed(Customer customer, CustomerEvent event) {
    }

    public static Changed register(String id, String name, SmsNumber smsNumber) {
        Customer customer = new Customer(id, name, smsNumber, true);
        return new Changed(customer, new CustomerEvent.CustomerRegistered(id, customer.name(), smsNumber));
    }

    public Changed enable() {
        if (enabled) {
            throw new RuleViolation("customer " + id + " is already enabled");
        }
        return new Changed(new Customer(id, name, smsNumber, true), new CustomerEvent.CustomerEnabled(id));
    }

    public Changed disable() {
        if (!enabled) {
            throw new RuleViolation("customer " + id + " is already disabled");
        }
        return new Changed(new Customer(id, name, smsNumber, false), new CustomerEvent.CustomerDisabled(id));
    }

    public Changed changeSmsNumber(SmsNumber newNumber) {
        Objects.requireNonNull(newNumber, "smsNumber");
        if (newNumber.equals(smsNumber)) {
            throw new RuleViolation("customer " + id + " already has SMS number " + newNumber);
        }
        return new Changed(new Customer(id, name, newNumber, enabled), new CustomerEvent.CustomerSmsChanged(id, newNumber));
    }

    /** The saga's question: may this customer place an order? */
    public void authorize() {
        if (!enabled) {
            throw new RuleViolation("customer " + id + " is disabled");
        }
    }
}
