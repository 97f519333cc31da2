package mallbots.ordering.handlers;

import static mallbots.ordering.handlers.OrderingTestbed.approve;
import static mallbots.ordering.handlers.OrderingTestbed.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mallbots.messages.cosec.ApproveOrderCommand;
import mallbots.ordering.OrderingModule;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.outbox.OutboxSweeper;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.testing.SchemaCheckingPublisher;
import org.junit.jupiter.api.Test;

/**
 * A crash between a write and its publication loses nothing: the order's events wait in the
 * item's outbox for the sweeper, and a redelivered saga command is answered without changing the
 * order again. A bus that refuses does not fail the customer's cancel.
 */
class OrderingCrashRecoveryTest {

    private final OrderingTestbed ordering = new OrderingTestbed();

    @Test
    void anApprovalThatCrashedBeforePublishingIsAnsweredOnRedeliveryAndItsEventIsSwept() {
        String orderId = ordering.pendingOrder();
        Message<ApproveOrderCommand> command = approve(orderId, newId());
        OrderingModule crashing = OrderingModule.create(ordering.dynamo, ordering.tableName,
                RecordingPublisher.crashing());

        // the function dies right after writing OrderApproved: no reply was stored or sent
        assertThatThrownBy(() -> new OrderingEventsFunction(crashing).handleRequest(
                sqsEventOf(command), null)).isInstanceOf(RecordingPublisher.SimulatedCrash.class);
        assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderApproved");

        // SQS delivers the command again to a healthy function
        assertThat(ordering.deliver(command).getBatchItemFailures()).isEmpty();

        assertThat(ordering.onlyReplyTo(command).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderApproved");
        RecordingPublisher swept = RecordingPublisher.accepting();
        OutboxSweeper.Sweep sweep = new OutboxSweeper(ordering.dynamo, ordering.tableName,
                new SchemaCheckingPublisher(swept), Duration.ZERO, Clock.systemUTC()).sweep();
        assertThat(sweep.failed()).isZero();
        assertThat(swept.published()).extracting(OutboundEvent::detailType).containsExactly("OrderApproved");
        assertThat(OrderingTestbed.decode(swept.published().getFirst()).metadata().causationId())
                .isEqualTo(command.messageId());
    }

    @Test
    void aCancelSucceedsWhenTheBusRefusesAndItsEventWaitsForTheSweeper() {
        String orderId = ordering.pendingOrder();
        RecordingPublisher refusing = RecordingPublisher.refusing();
        OrderingApiFunction api = new OrderingApiFunction(OrderingModule.create(ordering.dynamo,
                ordering.tableName, refusing));

        var response = api.handleRequest(mallbots.platform.testing.ApiGatewayEvents.route(OrderingRoutes.CANCEL)
                .path("/api/ordering/" + orderId).caller(ordering.customerOf(orderId), "mallbots/customer").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ordering.status(orderId)).isEqualTo("canceled");
        RecordingPublisher swept = RecordingPublisher.accepting();
        new OutboxSweeper(ordering.dynamo, ordering.tableName, new SchemaCheckingPublisher(swept), Duration.ZERO,
                Clock.systemUTC()).sweep();
        List<OutboundEvent> events = swept.published();
        assertThat(events).extracting(OutboundEvent::detailType).containsExactly("OrderCanceled");
    }

    private com.amazonaws.services.lambda.runtime.events.SQSEvent sqsEventOf(Message<?> message) {
        ordering.send(message);
        var event = ordering.receive(1);
        // the crashed invocation's record comes back after its visibility timeout: play that now
        ordering.delete(event);
        return event;
    }
}
