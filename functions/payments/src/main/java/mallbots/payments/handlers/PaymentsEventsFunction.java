package mallbots.payments.handlers;

import mallbots.payments.PaymentsModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The PaymentsEvents Lambda function: drains the PaymentsQueue (the messages
 * {@link PaymentsSubscriptions} lists: the saga's ConfirmPayment commands, and the ordering events
 * that issue and cancel invoices). Any other detail-type, or a record that cannot be decoded,
 * fails alone and reaches the dead-letter queue after its retries.
 */
public final class PaymentsEventsFunction extends SqsEventsFunction {

    public PaymentsEventsFunction() {
        this(Environment.system());
    }

    public PaymentsEventsFunction(Environment env) {
        this(PaymentsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public PaymentsEventsFunction(PaymentsModule module) {
        super(SqsMessageConsumer.of(PaymentsSubscriptions.of(module)));
    }
}
