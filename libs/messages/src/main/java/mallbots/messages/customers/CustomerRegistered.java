package mallbots.messages.customers;

import mallbots.messages.Require;

/** Integration event from mallbots.customers. A customer registered (enabled). */
public record CustomerRegistered(String customerId, String name, String smsNumber) {

    public CustomerRegistered {
        Require.id(customerId, "customerId");
        Require.text(name, "name");
        Require.text(smsNumber, "smsNumber");
    }
}
