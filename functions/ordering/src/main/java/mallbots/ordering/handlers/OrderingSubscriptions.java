package mallbots.ordering.handlers;

import java.util.Objects;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.ordering.OrderingModule;
import mallbots.ordering.adapters.OrderingReplies;
import mallbots.ordering.application.CompleteOrder;
import mallbots.ordering.application.ReadyOrder;
import mallbots.ordering.domain.OrderItem;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.saga.CommandReplies;

/**
 * Every message ordering consumes, and the use case each goes to: BasketCheckedOut (baskets),
 * ShoppingListCompleted (depot), InvoicePaid (payments), and the saga's ApproveOrder and
 * RejectOrder (cosec), which are answered once each through {@link CommandReplies}: the order's
 * change is applied at most once per command (the event store remembers the command's id), and
 * then the reply is stored and published; a redelivered command gets the stored reply again.
 * The template's rules route exactly these types to OrderingQueue.
 *
 * <p>A handler that throws fails its record, which SQS delivers again and, after the queue's
 * maxReceiveCount, moves to the dead-letter queue (see {@link ReadyOrder} and
 * {@link CompleteOrder} for the states that do so).
 */
public final class OrderingSubscriptions {

    private OrderingSubscriptions() {
    }

    public static MessageHandlers of(OrderingModule ordering) {
        Objects.requireNonNull(ordering, "ordering");
        CommandReplies replies = ordering.replies();
        return MessageHandlers.builder()
                .on(BasketsMessages.BASKET_CHECKED_OUT, m -> ordering.createOrder().fromCheckout(Cause.of(m),
                        m.data().basketId(), m.data().customerId(), m.data().paymentId(),
                        m.data().items().stream().map(OrderingSubscriptions::item).toList()))
                .on(DepotMessages.SHOPPING_LIST_COMPLETED, m -> ordering.readyOrder().ready(Cause.of(m),
                        m.data().orderId(), m.data().shoppingListId()))
                .on(PaymentsMessages.INVOICE_PAID, m -> ordering.completeOrder().complete(Cause.of(m),
                        m.data().orderId(), m.data().invoiceId()))
                .on(CosecMessages.APPROVE_ORDER, command -> replies.answer(requireSaga(command), () ->
                        OrderingReplies.toApprove(command, ordering.approveOrder().approve(Cause.of(command),
                                command.data().orderId(), command.data().shoppingId()))))
                .on(CosecMessages.REJECT_ORDER, command -> replies.answer(requireSaga(command), () ->
                        OrderingReplies.toReject(command, ordering.rejectOrder().reject(Cause.of(command),
                                command.data().orderId(), command.data().reason()))))
                .build();
    }

    /**
     * A command that cannot be answered (no sagaId, sagaName or replyTo) must fail before it
     * changes the order, not after: checked here, ahead of the change that precedes the reply.
     */
    private static <T> Message<T> requireSaga(Message<T> command) {
        Metadata metadata = command.metadata();
        if (metadata.sagaId() == null || metadata.sagaName() == null || metadata.replyTo() == null) {
            throw new IllegalArgumentException(command.detailType() + " " + command.messageId()
                    + " is not a saga command: it lacks sagaId, sagaName or replyTo");
        }
        return command;
    }

    private static OrderItem item(BasketCheckedOut.Item line) {
        return new OrderItem(line.productId(), line.storeId(), line.storeName(), line.productName(), line.price(),
                line.quantity());
    }
}
