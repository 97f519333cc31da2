package mallbots.messages.payments;

/** The answer of payments to ConfirmPayment: the outcome, and a failure's reason, are in the metadata. */
public record ConfirmPaymentReply() {
}
