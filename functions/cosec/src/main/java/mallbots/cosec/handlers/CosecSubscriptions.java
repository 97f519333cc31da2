package mallbots.cosec.handlers;

import mallbots.cosec.CosecModule;
import mallbots.cosec.application.CreateOrderSaga;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.MessageType;

/**
 * What cosec does with each message on its queue: OrderCreated starts a create-order saga,
 * OrderCanceled stops it, and every participant's reply the saga awaits ({@link CreateOrderSaga#REPLIES})
 * moves it on. Any other detail-type fails and reaches the DLQ.
 */
final class CosecSubscriptions {

    private CosecSubscriptions() {
    }

    static MessageHandlers of(CosecModule module) {
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
