package mallbots.payments.handlers;

import java.util.Objects;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.payments.PaymentsModule;
import mallbots.payments.adapters.PaymentsReplies;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message payments consumes, and the use case each goes to: the saga's ConfirmPayment, and
 * the ordering events that issue (OrderReadied) and cancel (OrderCanceled) invoices. The
 * template's rules route exactly these types to PaymentsQueue.
 */
public final class PaymentsSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentsSubscriptions.class);

    private PaymentsSubscriptions() {
    }

    public static MessageHandlers of(PaymentsModule payments) {
        Objects.requireNonNull(payments, "payments");
        return MessageHandlers.builder()
                .on(CosecMessages.CONFIRM_PAYMENT, command -> confirm(payments, command))
                .on(OrderingMessages.ORDER_READIED, readied -> {
                    if (!payments.issueInvoice().issue(Cause.of(readied), readied.data().orderId(),
                            readied.data().customerId(), readied.data().total())) {
                        LOG.info("OrderReadied {}: order {} is invoiced already (or the message was applied): no new invoice",
                                readied.messageId(), readied.data().orderId());
                    }
                })
                .on(OrderingMessages.ORDER_CANCELED, canceled -> {
                    if (!payments.cancelInvoice().cancel(Cause.of(canceled), canceled.data().orderId())) {
                        LOG.info("OrderCanceled {}: order {} has no pending invoice: nothing to cancel",
                                canceled.messageId(), canceled.data().orderId());
                    }
                })
                .build();
    }

    /**
     * Answers the saga's ConfirmPayment once per saga: a redelivered command, or another
     * ConfirmPayment for the same saga under a new message id, gets the first reply again (one
     * confirmation per saga).
     */
    private static void confirm(PaymentsModule payments, Message<ConfirmPaymentCommand> command) {
        ConfirmPaymentCommand data = command.data();
        String saga = command.metadata().sagaId();
        payments.replies().answerOnce(command, "ConfirmPayment of saga " + (saga == null ? command.messageId() : saga),
                () -> PaymentsReplies.of(command,
                        payments.confirmPayment().confirm(data.paymentId(), data.customerId(), data.amount())));
    }
}
