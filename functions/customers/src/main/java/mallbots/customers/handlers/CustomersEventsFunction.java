package mallbots.customers.handlers;

import mallbots.customers.CustomersModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The CustomersEvents Lambda function: drains the CustomersQueue (the saga's AuthorizeCustomer
 * commands, as {@link CustomersSubscriptions} lists them). Any other detail-type, or a
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
        super(SqsMessageConsumer.of(CustomersSubscriptions.of(module)));
    }
}
