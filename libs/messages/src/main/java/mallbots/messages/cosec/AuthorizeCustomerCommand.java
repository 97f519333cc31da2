package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga command to customers: succeed if the customer exists and is enabled. */
public record AuthorizeCustomerCommand(String customerId) {

    public AuthorizeCustomerCommand {
        Require.id(customerId, "customerId");
    }
}
