package mallbots.payments.handlers;

import java.util.Objects;
import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.payments.adapters.ConfirmPaymentReplies;
import mallbots.payments.application.DecidePaymentConfirmation;
import mallbots.platform.consumer.MessageHandler;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.CommandReplies;

/**
 * Answers the saga's ConfirmPayment once per saga: a redelivered command, or another ConfirmPayment
 * for the same saga under a new message id, gets the first reply again (one confirmation per saga).
 */
final class ConfirmPaymentHandler implements MessageHandler<ConfirmPaymentCommand> {

    private final DecidePaymentConfirmation confirmation;
    private final CommandReplies replies;

    ConfirmPaymentHandler(DecidePaymentConfirmation confirmation, CommandReplies replies) {
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public void handle(Message<ConfirmPaymentCommand> command) {
        ConfirmPaymentCommand data = command.data();
        String saga = command.metadata().sagaId();
        replies.answerOnce(command, "ConfirmPayment of saga " + (saga == null ? command.messageId() : saga),
                () -> ConfirmPaymentReplies.of(command,
                confirmation.confirm(data.paymentId(), data.customerId(), data.amount())));
    }
}
