package mallbots.cosec.handlers;

import mallbots.cosec.CosecModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The CosecEvents Lambda function: drains the CosecQueue ({@link CosecSubscriptions}: OrderCreated,
 * OrderCanceled, the participants' replies). A record that cannot be decoded, or a reply to a saga
 * that does not exist, fails alone and reaches the dead-letter queue after its retries.
 */
public final class CosecEventsFunction extends SqsEventsFunction {

    public CosecEventsFunction() {
        this(Environment.system());
    }

    public CosecEventsFunction(Environment env) {
        this(CosecModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public CosecEventsFunction(CosecModule module) {
        super(SqsMessageConsumer.of(CosecSubscriptions.of(module)));
    }
}
