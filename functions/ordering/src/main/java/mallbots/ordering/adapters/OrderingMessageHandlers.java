package mallbots.ordering.adapters;

import java.util.Objects;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.ordering.application.ApproveOrder;
import mallbots.ordering.application.CompleteOrder;
import mallbots.ordering.application.CreateOrder;
import mallbots.ordering.application.ReadyOrder;
import mallbots.ordering.application.RejectOrder;
import mallbots.ordering.domain.OrderItem;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.saga.CommandReplies;

/**
 * The messages ordering subscribes to, each turned into its use case: BasketCheckedOut (baskets),
 * ShoppingListCompleted (depot), InvoicePaid (payments), and the saga's ApproveOrder and
 * RejectOrder (cosec), which are answered once each through {@link CommandReplies}: the order's
 * change is applied at most once per command (the event store remembers the command's id), and
 * then the reply is stored and published; a redelivered command gets the stored reply again.
 *
 * <p>A handler that throws fails its record, which SQS delivers again and, after the queue's
 * maxReceiveCount, moves to the dead-letter queue (see {@link ReadyOrder} and
 * {@link CompleteOrder} for the states that do so).
 */
public final class OrderingMessageHandlers {

    private OrderingMessageHandlers() {
    }

    public static MessageHandlers of(CreateOrder create, ReadyOrder ready, CompleteOrder complete,
            ApproveOrder approve, RejectOrder reject, CommandReplies replies) {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(approve, "approve");
        Objects.requireNonNull(reject, "reject");
        Objects.requireNonNull(replies, "replies");
        return MessageHandlers.builder()
                .on(BasketsMessages.BASKET_CHECKED_OUT, m -> create.fromCheckout(m.metadata(), m.data().basketId(),
                        m.data().customerId(), m.data().paymentId(),
                        m.data().items().stream().map(OrderingMessageHandlers::item).toList()))
                .on(DepotMessages.SHOPPING_LIST_COMPLETED, m -> ready.ready(m.metadata(), m.data().orderId(),
                        m.data().shoppingListId()))
                .on(PaymentsMessages.INVOICE_PAID, m -> complete.complete(m.metadata(), m.data().orderId(),
                        m.data().invoiceId()))
                .on(CosecMessages.APPROVE_ORDER, command -> replies.answer(requireSaga(command), () ->
                        OrderReplies.toApprove(command, approve.approve(command.metadata(), command.data().orderId(),
                                command.data().shoppingId()))))
                .on(CosecMessages.REJECT_ORDER, command -> replies.answer(requireSaga(command), () ->
                        OrderReplies.toReject(command, reject.reject(command.metadata(), command.data().orderId(),
                                command.data().reason()))))
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
