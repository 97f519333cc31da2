package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga command to customers: succeed if the customer exists and is enabled. */
public record AuthorizeCustomer(String customerId) {

    public AuthorizeCustomer {
        Require.id(customerId, "customerId");
    }
}
