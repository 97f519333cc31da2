package mallbots.payments.handlers;

import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the PaymentsQueue: the saga's ConfirmPayment commands, and the ordering events that
 * issue (OrderReadied) and cancel (OrderCanceled) invoices. Any other detail-type, or a record
 * that cannot be decoded, fails alone and reaches the dead-letter queue after its retries.
 */
public final class PaymentsEventsFunction extends SqsEventsFunction {

    private static final Logger log = LoggerFactory.getLogger(PaymentsEventsFunction.class);

    public PaymentsEventsFunction() {
        this(Environment.system());
    }

    public PaymentsEventsFunction(Environment env) {
        this(PaymentsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public PaymentsEventsFunction(PaymentsModule module) {
        super(SqsMessageConsumer.of(handlers(module)));
    }

    /** What the function handles; template.yaml's rules route exactly these detail-types here. */
    static MessageHandlers handlers(PaymentsModule module) {
        return MessageHandlers.builder()
                .on(CosecMessages.CONFIRM_PAYMENT, new ConfirmPaymentHandler(module.confirmPayment(), module.replies()))
                .on(OrderingMessages.ORDER_READIED, readied -> {
                    if (!module.issueInvoice().issue(readied.metadata(), readied.data().orderId(),
                            readied.data().customerId(), readied.data().total())) {
                        log.info("OrderReadied {}: order {} is invoiced already (or the message was applied): no new invoice",
                                readied.messageId(), readied.data().orderId());
                    }
                })
                .on(OrderingMessages.ORDER_CANCELED, canceled -> {
                    if (!module.cancelInvoice().cancel(canceled.metadata(), canceled.data().orderId())) {
                        log.info("OrderCanceled {}: order {} has no pending invoice: nothing to cancel",
                                canceled.messageId(), canceled.data().orderId());
                    }
                })
                .build();
    }
}
