package mallbots.payments.adapters;

import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.messages.payments.ConfirmPaymentReply;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.payments.domain.Confirmation;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaReplies;

/** The ConfirmPaymentReply that tells the saga whether the payment covers the order. */
public final class PaymentsReplies {

    private PaymentsReplies() {
    }

    public static Message<ConfirmPaymentReply> of(Message<ConfirmPaymentCommand> command, Confirmation confirmation) {
        ConfirmPaymentReply data = new ConfirmPaymentReply();
        return confirmation.confirmed()
                ? SagaReplies.success(command, PaymentsMessages.CONFIRM_PAYMENT_REPLY, data)
                : SagaReplies.failure(command, PaymentsMessages.CONFIRM_PAYMENT_REPLY, data, confirmation.reason());
    }
}
