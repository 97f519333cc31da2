package mallbots.ordering.adapters;

import mallbots.messages.ordering.ApproveOrderReply;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.ordering.RejectOrderReply;
import mallbots.ordering.application.SagaAnswer;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.saga.SagaReplies;

/** The replies that tell the saga how ordering answered ApproveOrder and RejectOrder. */
public final class OrderingReplies {

    private OrderingReplies() {
    }

    public static Message<ApproveOrderReply> toApprove(Message<?> command, SagaAnswer answer) {
        return reply(command, OrderingMessages.APPROVE_ORDER_REPLY, new ApproveOrderReply(), answer);
    }

    public static Message<RejectOrderReply> toReject(Message<?> command, SagaAnswer answer) {
        return reply(command, OrderingMessages.REJECT_ORDER_REPLY, new RejectOrderReply(), answer);
    }

    private static <R> Message<R> reply(Message<?> command, MessageType<R> type, R data, SagaAnswer answer) {
        return answer.done()
                ? SagaReplies.success(command, type, data)
                : SagaReplies.failure(command, type, data, answer.reason());
    }
}
