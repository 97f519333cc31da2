package mallbots.messages.customers;

/** Saga reply from mallbots.customers. Customers' answer to AuthorizeCustomer. */
public record AuthorizeCustomerReply() {
}
