package mallbots.messages.customers;

import mallbots.messages.Require;

/** Integration event from mallbots.customers. A customer may place orders again. */
public record CustomerEnabled(String customerId) {

    public CustomerEnabled {
        Require.id(customerId, "customerId");
    }
}
