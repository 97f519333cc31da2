package mallbots.messages.customers;

/** The answer of customers to AuthorizeCustomer: the outcome, and a failure's reason, are in the metadata. */
public record AuthorizeCustomerReply() {
}
