package mallbots.cosec.handlers;

import mallbots.cosec.application.CreateOrderSaga;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;
import mallbots.platform.messaging.MessageType;

/**
 * Drains the CosecQueue: OrderCreated starts a create-order saga, the participants' replies
 * move it on, and OrderCanceled stops it. A record that cannot be decoded, or a reply to a saga that does not exist, fails
 * alone and reaches the dead-letter queue after its retries.
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
        super(SqsMessageConsumer.of(handlers(module)));
    }

    static MessageHandlers handlers(CosecModule module) {
        MessageHandlers.Builder handlers = MessageHandlers.builder()
                .on(OrderingMessages.ORDER_CREATED, module.start()::start)
                .on(OrderingMessages.ORDER_CANCELED, module.stop()::stop);
        for (MessageType<?> reply : CreateOrderSaga.REPLIES) {
            onReply(handlers, reply, module);
        }
        return handlers.build();
    }

    private static <R> void onReply(MessageHandlers.Builder handlers, MessageType<R> type, CosecModule module) {
        handlers.on(type, module.replies()::handle);
    }
}
