package mallbots.messages.customers;

import mallbots.messages.Require;

/** Integration event from mallbots.customers. A customer changed the SMS number notifications go to. */
public record CustomerSmsChanged(String customerId, String smsNumber) {

    public CustomerSmsChanged {
        Require.id(customerId, "customerId");
        Require.text(smsNumber, "smsNumber");
    }
}
