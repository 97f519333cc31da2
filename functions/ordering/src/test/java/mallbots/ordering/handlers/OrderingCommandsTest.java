package mallbots.ordering.handlers;

import static mallbots.ordering.handlers.OrderingTestbed.approve;
import static mallbots.ordering.handlers.OrderingTestbed.newId;
import static mallbots.ordering.handlers.OrderingTestbed.reject;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import mallbots.messages.cosec.ApproveOrderCommand;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.ordering.OrderApproved;
import mallbots.messages.ordering.OrderRejected;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The saga's ApproveOrder and RejectOrder through OrderingEventsFunction: each answered with a
 * schema-checked reply (success, or failure with its reason) caused by the command, once per
 * command; the order's history read back from dynalite.
 */
class OrderingCommandsTest {

    private OrderingTestbed ordering;

    @BeforeEach
    void setUp() {
        ordering = new OrderingTestbed();
    }

    // ---------------------------------------------------------------- ApproveOrder

    @Test
    void approvingAPendingOrderApprovesItWithItsShoppingListAndRepliesSuccess() {
        String orderId = ordering.pendingOrder();
        String shoppingId = newId();
        Message<ApproveOrderCommand> command = approve(orderId, shoppingId);

        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();

        Message<?> reply = ordering.onlyReplyTo(command);
        assertRepliesTo(reply, command, OrderingMessages.APPROVE_ORDER_REPLY.detailType());
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reply.metadata().reason()).isNull();
        assertThat(ordering.status(orderId)).isEqualTo("approved");
        assertThat(ordering.get(orderId).json().get("shoppingId").asText()).isEqualTo(shoppingId);
        List<Message<?>> approved = ordering.published(OrderingMessages.ORDER_APPROVED);
        assertThat(approved).hasSize(1);
        OrderApproved data = (OrderApproved) approved.getFirst().data();
        assertThat(data.orderId()).isEqualTo(orderId);
        assertThat(data.shoppingId()).isEqualTo(shoppingId);
        Metadata metadata = approved.getFirst().metadata();
        assertThat(metadata.aggregateId()).isEqualTo(orderId);
        assertThat(metadata.aggregateVersion()).isEqualTo(2L);
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        // an event, not a reply: it does not carry the saga's routing
        assertThat(metadata.sagaId()).isNull();
        assertThat(metadata.replyTo()).isNull();
    }

    @Test
    void theSameApproveOrderTwiceGetsTheSameReplyAndApprovesOnce() {
        String orderId = ordering.pendingOrder();
        Message<ApproveOrderCommand> command = approve(orderId, newId());
        String body = OrderingTestbed.eventBridgeEvent(command);
        SqsEvents.send(ordering.sqs, ordering.queueUrl, body);
        SQSEvent first = ordering.receive(1);
        assertThat(ordering.handle(first).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> afterFirst = ordering.allItems();

        // SQS delivers it again (the visibility timeout ran out), and EventBridge sent it twice
        SqsEvents.release(ordering.sqs, ordering.queueUrl, first);
        SqsEvents.send(ordering.sqs, ordering.queueUrl, body);
        SQSEvent again = ordering.receive(2);
        assertThat(ordering.handle(again).getBatchItemFailures()).isEmpty();

        List<OutboundEvent> replies = ordering.bus.published().stream()
                .filter(event -> event.detailType().equals("ApproveOrderReply")).toList();
        assertThat(replies).hasSize(3).allSatisfy(reply -> assertThat(reply).isEqualTo(replies.getFirst()));
        assertThat(ordering.allItems()).isEqualTo(afterFirst);
        assertThat(ordering.published(OrderingMessages.ORDER_APPROVED)).hasSize(1);
        assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderApproved");
    }

    @Test
    void anApprovalWhoseReplyWasLostIsAnsweredSuccessOnTheRedeliveryWithoutApprovingAgain() {
        String orderId = ordering.pendingOrder();
        Message<ApproveOrderCommand> command = approve(orderId, newId());
        // the order was approved, then the function crashed before the reply was stored
        ordering.module.approveOrder().approve(Cause.of(command), orderId, command.data().shoppingId());
        List<Map<String, AttributeValue>> history = ordering.historyOf(orderId);

        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();

        assertThat(ordering.onlyReplyTo(command).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ordering.historyOf(orderId)).isEqualTo(history);
        assertThat(ordering.published(OrderingMessages.ORDER_APPROVED)).hasSize(1);
    }

    @Test
    void approvingACanceledOrderRepliesFailureSoThatTheSagaCompensates() {
        String orderId = ordering.pendingOrder();
        assertThat(ordering.cancel(orderId).status()).isEqualTo(200);
        List<Map<String, AttributeValue>> history = ordering.historyOf(orderId);
        Message<ApproveOrderCommand> command = approve(orderId, newId());

        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();

        Message<?> reply = ordering.onlyReplyTo(command);
        assertRepliesTo(reply, command, "ApproveOrderReply");
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo("order " + orderId + " is canceled");
        assertThat(ordering.historyOf(orderId)).isEqualTo(history);
        assertThat(ordering.status(orderId)).isEqualTo("canceled");
        assertThat(ordering.published(OrderingMessages.ORDER_APPROVED)).isEmpty();
    }

    @Test
    void approvingARejectedOrAnUnknownOrderRepliesFailure() {
        String rejected = ordering.pendingOrder();
        assertThat(ordering.deliver(reject(rejected)).getBatchItemFailures()).isEmpty();
        String unknown = newId();
        Message<ApproveOrderCommand> approveRejected = approve(rejected, newId());
        Message<ApproveOrderCommand> approveUnknown = approve(unknown, newId());

        assertThat(ordering.deliver(approveRejected, approveUnknown).getBatchItemFailures()).isEmpty();

        assertThat(ordering.onlyReplyTo(approveRejected).metadata().reason())
                .isEqualTo("order " + rejected + " is rejected");
        assertThat(ordering.onlyReplyTo(approveUnknown).metadata().reason())
                .isEqualTo("order " + unknown + " not found");
        assertThat(ordering.historyOf(unknown)).isEmpty();
        assertThat(ordering.status(rejected)).isEqualTo("rejected");
    }

    @Test
    void anotherApproveOrderForAnApprovedOrderSucceedsWithItsListAndFailsWithAnother() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);
        List<Map<String, AttributeValue>> history = ordering.historyOf(orderId);
        Message<ApproveOrderCommand> sameList = approve(orderId, shoppingId);
        String otherList = newId();
        Message<ApproveOrderCommand> anotherList = approve(orderId, otherList);

        assertThat(ordering.deliver(sameList, anotherList).getBatchItemFailures()).isEmpty();

        assertThat(ordering.onlyReplyTo(sameList).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ordering.onlyReplyTo(anotherList).metadata().reason()).isEqualTo("order " + orderId
                + " is approved with shopping list " + shoppingId + ", not " + otherList);
        assertThat(ordering.historyOf(orderId)).isEqualTo(history);
        assertThat(ordering.published(OrderingMessages.ORDER_APPROVED)).hasSize(1);
    }

    // ---------------------------------------------------------------- RejectOrder

    @Test
    void rejectingAPendingOrderRejectsItAndRepliesSuccess() {
        String orderId = ordering.pendingOrder();
        Message<RejectOrderCommand> command = reject(orderId);

        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();

        Message<?> reply = ordering.onlyReplyTo(command);
        assertRepliesTo(reply, command, OrderingMessages.REJECT_ORDER_REPLY.detailType());
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ordering.status(orderId)).isEqualTo("rejected");
        List<Message<?>> rejected = ordering.published(OrderingMessages.ORDER_REJECTED);
        assertThat(rejected).hasSize(1);
        OrderRejected data = (OrderRejected) rejected.getFirst().data();
        assertThat(data.orderId()).isEqualTo(orderId);
        assertThat(rejected.getFirst().metadata().aggregateVersion()).isEqualTo(2L);
        assertThat(rejected.getFirst().metadata().causationId()).isEqualTo(command.messageId());
    }

    @Test
    void theSameRejectOrderTwiceGetsTheSameReplyAndRejectsOnce() {
        String orderId = ordering.pendingOrder();
        Message<RejectOrderCommand> command = reject(orderId);
        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> afterFirst = ordering.allItems();

        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();

        List<OutboundEvent> replies = ordering.bus.published().stream()
                .filter(event -> event.detailType().equals("RejectOrderReply")).toList();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(ordering.allItems()).isEqualTo(afterFirst);
        assertThat(ordering.published(OrderingMessages.ORDER_REJECTED)).hasSize(1);
    }

    @Test
    void rejectingAnOrderThatIsRejectedOrCanceledAlreadySucceedsWithNothingToDo() {
        String rejected = ordering.pendingOrder();
        assertThat(ordering.deliver(reject(rejected)).getBatchItemFailures()).isEmpty();
        String canceled = ordering.pendingOrder();
        assertThat(ordering.cancel(canceled).status()).isEqualTo(200);
        List<Map<String, AttributeValue>> rejectedHistory = ordering.historyOf(rejected);
        List<Map<String, AttributeValue>> canceledHistory = ordering.historyOf(canceled);
        int published = ordering.published(OrderingMessages.ORDER_REJECTED).size();
        Message<RejectOrderCommand> rejectAgain = reject(rejected);
        Message<RejectOrderCommand> rejectCanceled = reject(canceled);

        assertThat(ordering.deliver(rejectAgain, rejectCanceled).getBatchItemFailures()).isEmpty();

        assertThat(ordering.onlyReplyTo(rejectAgain).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ordering.onlyReplyTo(rejectCanceled).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ordering.historyOf(rejected)).isEqualTo(rejectedHistory);
        assertThat(ordering.historyOf(canceled)).isEqualTo(canceledHistory);
        assertThat(ordering.status(canceled)).isEqualTo("canceled");
        assertThat(ordering.published(OrderingMessages.ORDER_REJECTED)).hasSize(published);
    }

    @Test
    void rejectingAnOrderThatWentAheadOrDoesNotExistRepliesFailure() {
        String approved = ordering.approvedOrder(newId());
        String ready = ordering.readyOrder(newId());
        String unknown = newId();
        List<Map<String, AttributeValue>> before = ordering.allItems();
        Message<RejectOrderCommand> rejectApproved = reject(approved);
        Message<RejectOrderCommand> rejectReady = reject(ready);
        Message<RejectOrderCommand> rejectUnknown = reject(unknown);

        assertThat(ordering.deliver(rejectApproved, rejectReady, rejectUnknown).getBatchItemFailures()).isEmpty();

        assertThat(ordering.onlyReplyTo(rejectApproved).metadata().reason())
                .isEqualTo("order " + approved + " is approved");
        assertThat(ordering.onlyReplyTo(rejectReady).metadata().reason()).isEqualTo("order " + ready + " is ready");
        assertThat(ordering.onlyReplyTo(rejectUnknown).metadata().reason())
                .isEqualTo("order " + unknown + " not found");
        // only the answered-command items are new
        List<Map<String, AttributeValue>> after = ordering.allItems();
        assertThat(after).containsAll(before);
        assertThat(after).hasSize(before.size() + 3)
                .filteredOn(item -> !before.contains(item))
                .allSatisfy(item -> assertThat(item.get("pk").s()).startsWith("command#"));
    }

    @Test
    void aCommandWithoutTheSagasMetadataFailsItsRecordChangesNothingAndIsNotAnswered() {
        String orderId = ordering.pendingOrder();
        Message<ApproveOrderCommand> noSaga = new Message<>(approve(orderId, newId()).type(), Metadata.first(),
                new ApproveOrderCommand(orderId, newId()));

        // not schema-checked on the way in: the schema would refuse it, as ordering does
        SqsEvents.send(ordering.sqs, ordering.queueUrl, OrderingTestbed.eventBridgeEvent(noSaga));
        SQSEvent event = ordering.receive(1);

        assertThat(ordering.handle(event).getBatchItemFailures()).hasSize(1);

        ordering.delete(event);
        assertThat(ordering.bus.published()).filteredOn(published -> published.detailType().endsWith("Reply")).isEmpty();
        assertThat(ordering.status(orderId)).isEqualTo("pending");
    }

    private static void assertRepliesTo(Message<?> reply, Message<?> command, String detailType) {
        Metadata metadata = reply.metadata();
        assertThat(reply.source()).isEqualTo("mallbots.ordering");
        assertThat(reply.detailType()).isEqualTo(detailType);
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        assertThat(metadata.sagaId()).isEqualTo(command.metadata().sagaId());
        assertThat(metadata.sagaName()).isEqualTo(OrderingTestbed.SAGA);
        assertThat(metadata.replyTo()).isEqualTo("mallbots.cosec");
        assertThat(metadata.messageId()).isNotEqualTo(command.messageId());
        assertThat(metadata.aggregateId()).isNull();
    }
}
