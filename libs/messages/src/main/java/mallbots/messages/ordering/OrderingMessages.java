package mallbots.messages.ordering;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The messages mallbots.ordering sends: its integration events and its replies to saga commands. */
public final class OrderingMessages {

    public static final String SOURCE = "mallbots.ordering";

    public static final MessageType<OrderCreated> ORDER_CREATED =
            MessageType.of(SOURCE, "OrderCreated", OrderCreated.class);
    public static final MessageType<OrderRejected> ORDER_REJECTED =
            MessageType.of(SOURCE, "OrderRejected", OrderRejected.class);
    public static final MessageType<OrderApproved> ORDER_APPROVED =
            MessageType.of(SOURCE, "OrderApproved", OrderApproved.class);
    public static final MessageType<OrderReadied> ORDER_READIED =
            MessageType.of(SOURCE, "OrderReadied", OrderReadied.class);
    public static final MessageType<OrderCanceled> ORDER_CANCELED =
            MessageType.of(SOURCE, "OrderCanceled", OrderCanceled.class);
    public static final MessageType<OrderCompleted> ORDER_COMPLETED =
            MessageType.of(SOURCE, "OrderCompleted", OrderCompleted.class);
    public static final MessageType<ApproveOrderReply> APPROVE_ORDER_REPLY =
            MessageType.of(SOURCE, "ApproveOrderReply", ApproveOrderReply.class);
    public static final MessageType<RejectOrderReply> REJECT_ORDER_REPLY =
            MessageType.of(SOURCE, "RejectOrderReply", RejectOrderReply.class);

    public static final MessageTypes ALL = MessageTypes.of(
            ORDER_CREATED,
            ORDER_REJECTED,
            ORDER_APPROVED,
            ORDER_READIED,
            ORDER_CANCELED,
            ORDER_COMPLETED,
            APPROVE_ORDER_REPLY,
            REJECT_ORDER_REPLY);

    private OrderingMessages() {
    }
}
