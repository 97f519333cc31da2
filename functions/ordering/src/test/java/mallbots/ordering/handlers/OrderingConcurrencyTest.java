package mallbots.ordering.handlers;

import static mallbots.ordering.handlers.OrderingTestbed.approve;
import static mallbots.ordering.handlers.OrderingTestbed.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import mallbots.messages.cosec.ApproveOrderCommand;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.ordering.application.SagaAnswer;
import mallbots.ordering.handlers.OrderingTestbed.Response;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The customer's cancel racing the saga's ApproveOrder on the same order: whichever wins, the
 * order ends consistent with what each side was told, and its events carry consecutive versions.
 */
class OrderingConcurrencyTest {

    private final OrderingTestbed ordering = new OrderingTestbed();

    @RepeatedTest(4)
    void aCancelRacingTheApprovalEndsCanceledAndTheSagaIsToldTheTruth() throws Exception {
        String orderId = ordering.pendingOrder();
        String shoppingId = newId();
        Message<ApproveOrderCommand> command = approve(orderId, shoppingId);
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<SagaAnswer> approval = CompletableFuture.supplyAsync(() -> {
            await(start);
            return ordering.module.approveOrder().approve(Cause.of(command), orderId, shoppingId);
        });
        CompletableFuture<Response> cancel = CompletableFuture.supplyAsync(() -> {
            await(start);
            return ordering.cancel(orderId);
        });
        start.countDown();

        // a cancel always wins: pending and approved orders both may be canceled
        assertThat(cancel.get().status()).isEqualTo(200);
        assertThat(ordering.status(orderId)).isEqualTo("canceled");
        SagaAnswer answer = approval.get();
        List<Message<?>> canceled = ordering.published(OrderingMessages.ORDER_CANCELED);
        assertThat(canceled).hasSize(1);
        if (answer.done()) {
            // approved first, then canceled: depot is told which list to cancel
            assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderApproved",
                    "OrderCanceled");
            assertThat(((OrderCanceled) canceled.getFirst().data()).shoppingId()).isEqualTo(shoppingId);
        } else {
            assertThat(answer.reason()).isEqualTo("order " + orderId + " is canceled");
            assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderCanceled");
            assertThat(((OrderCanceled) canceled.getFirst().data()).shoppingId()).isNull();
        }
        // each writer publishes after its own write, so the two may reach the bus in either order
        assertThat(ordering.publishedAbout(orderId)).extracting(message -> message.metadata().aggregateVersion())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, ordering.storedEvents(orderId).size())
                                .boxed().toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
