package mallbots.customers.domain;

/** What happened to a customer; each is announced on the bus as the integration event of the same name. */
public sealed interface CustomerEvent {

    String customerId();

    record CustomerRegistered(String customerId, String name, SmsNumber smsNumber) implements CustomerEvent {
    }

    record CustomerSmsChanged(String customerId, SmsNumber smsNumber) implements CustomerEvent {
    }

    record CustomerEnabled(String customerId) implements CustomerEvent {
    }

    record CustomerDisabled(String customerId) implements CustomerEvent {
    }
}
