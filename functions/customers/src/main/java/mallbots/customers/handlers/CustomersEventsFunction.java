package mallbots.customers.handlers;

import mallbots.messages.cosec.CosecMessages;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * Drains the CustomersQueue: the saga's AuthorizeCustomer commands. Any other detail-type, or a
 * record that cannot be decoded, fails alone and reaches the dead-letter queue after its retries.
 */
public final class CustomersEventsFunction extends SqsEventsFunction {

    public CustomersEventsFunction() {
        this(Environment.system());
    }

    public CustomersEventsFunction(Environment env) {
        this(CustomersModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public CustomersEventsFunction(CustomersModule module) {
        super(consumer(module));
    }

    static SqsMessageConsumer consumer(CustomersModule module) {
        var authorizeCustomer = new AuthorizeCustomerHandler(module.authorize(), module.replies());
        return SqsMessageConsumer.of(MessageHandlers.builder()
                .on(CosecMessages.AUTHORIZE_CUSTOMER, authorizeCustomer)
                .build());
    }
}
