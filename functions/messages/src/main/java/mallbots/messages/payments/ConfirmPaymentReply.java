package mallbots.messages.payments;

/** Saga reply from mallbots.payments. Payments' answer to ConfirmPayment. */
public record ConfirmPaymentReply() {
}
