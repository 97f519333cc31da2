package mallbots.messages.customers;

import mallbots.messages.Require;

/** Integration event from mallbots.customers. A customer may no longer place orders. */
public record CustomerDisabled(String customerId) {

    public CustomerDisabled {
        Require.id(customerId, "customerId");
    }
}
