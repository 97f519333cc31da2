package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaDeadlines;
import mallbots.platform.saga.SagaState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Saga deadlines through the real path: the events function on a real queue and table, the
 * scheduled {@link SagaDeadlinesFunction} fed the template's invoke event, on a clock the test
 * moves. A step whose reply never comes is sent again, then the saga times out and rejects the
 * order with "timed out"; a canceled order stops its saga.
 */
class SagaDeadlinesTest {

    private static final Duration STEP = Duration.ofSeconds(60);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final CosecTestbed testbed = new CosecTestbed(new SagaDeadlines(STEP, 2, clock));
    private final SagaDeadlinesFunction deadlines = new SagaDeadlinesFunction(testbed.module);

    @Test
    void aStepWhoseReplyNeverComesIsSentAgainThenTheSagaTimesOutAndRejectsTheOrder() throws IOException {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        String listId = CosecTestbed.id();
        // the customer and the list answer; the payment's reply is lost
        testbed.deliver(Participants.succeed(testbed.command(orderId, "AuthorizeCustomer"), listId),
                Participants.succeed(testbed.command(orderId, "CreateShoppingList"), listId));
        Message<?> confirm = testbed.command(orderId, "ConfirmPayment");
        assertThat(testbed.saga(orderId).deadline()).isEqualTo(clock.instant().plus(STEP));

        assertThat(sweep()).isEqualTo("0 sagas overdue: 0 resent, 0 timed out, 0 failed");
        for (int resend = 1; resend <= 2; resend++) {
            clock.move(STEP.plusSeconds(1));
            assertThat(sweep()).isEqualTo("1 sagas overdue: 1 resent, 0 timed out, 0 failed");
            // only the unanswered command, as the same message: the payments context answers it as before
            Message<?> again = testbed.lastCommand();
            assertThat(again.detailType()).isEqualTo("ConfirmPayment");
            assertThat(again.messageId()).isEqualTo(confirm.messageId());
            assertThat(again.data()).isEqualTo(confirm.data());
            assertThat(again.metadata().correlationId()).isEqualTo(created.metadata().correlationId());
            SagaState saga = testbed.saga(orderId);
            assertThat(saga.resends()).isEqualTo(resend);
            assertThat(saga.deadline()).isEqualTo(clock.instant().plus(STEP));
            assertThat(saga.succeeded()).containsExactly(1, 2);
        }
        int published = testbed.commands().size();
        clock.move(STEP.plusSeconds(1));

        assertThat(sweep()).isEqualTo("1 sagas overdue: 0 resent, 1 timed out, 0 failed");
        List<Message<?>> compensations = testbed.commands().subList(published, testbed.commands().size());
        assertThat(compensations).extracting(message -> (Object) message.data()).containsExactly(
                new CancelShoppingListCommand(listId), new RejectOrderCommand(orderId, "timed out"));
        SagaState saga = testbed.saga(orderId);
        assertThat(saga.done()).isTrue();
        assertThat(saga.compensating()).isTrue();
        assertThat(saga.reason()).isEqualTo("timed out");
        assertThat(saga.failed()).isEqualTo(Map.of(3, "timed out"));
        assertThat(saga.deadline()).isNull();
        // out of the index: later sweeps do not even read it
        Map<String, AttributeValue> item = testbed.sagaItem(orderId).orElseThrow();
        assertThat(item).doesNotContainKeys(SagaDeadlines.DUE, SagaDeadlines.AT);
        clock.move(Duration.ofHours(1));
        assertThat(sweep()).isEqualTo("0 sagas overdue: 0 resent, 0 timed out, 0 failed");
        // the payment's reply, late, changes nothing
        testbed.deliver(Participants.succeed(confirm, listId));
        assertThat(testbed.commands()).hasSize(published + 2);
        assertThat(testbed.saga(orderId)).isEqualTo(saga);
    }

    @Test
    void theReplyToAResentCommandMovesTheSagaOnWithAFreshDeadline() throws IOException {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        String listId = CosecTestbed.id();
        testbed.deliver(Participants.succeed(testbed.command(orderId, "AuthorizeCustomer"), listId),
                Participants.succeed(testbed.command(orderId, "ConfirmPayment"), listId));
        clock.move(STEP.plusSeconds(1));
        assertThat(sweep()).isEqualTo("1 sagas overdue: 1 resent, 0 timed out, 0 failed");

        // the depot answers the resent CreateShoppingList (its reply to the first copy was lost)
        testbed.deliver(Participants.succeed(testbed.lastCommand(), listId));

        SagaState saga = testbed.saga(orderId);
        assertThat(saga.step()).isEqualTo(3);
        assertThat(testbed.lastCommand().detailType()).isEqualTo("InitiateShopping");
        assertThat(saga.resends()).isZero();
        assertThat(saga.deadline()).isEqualTo(clock.instant().plus(STEP));
        assertThat(saga.data(CreateOrderData.class).shoppingListId()).isEqualTo(listId);
        assertThat(sweep()).isEqualTo("0 sagas overdue: 0 resent, 0 timed out, 0 failed");
    }

    @Test
    void onlyOverdueSagasAreActedOnAndEachOnce() throws IOException {
        Message<OrderCreated> early = CosecTestbed.orderCreated();
        testbed.deliver(early);
        clock.move(Duration.ofSeconds(30));
        Message<OrderCreated> late = CosecTestbed.orderCreated();
        testbed.deliver(late);
        clock.move(Duration.ofSeconds(31));

        assertThat(sweep()).isEqualTo("1 sagas overdue: 1 resent, 0 timed out, 0 failed");
        assertThat(testbed.saga(early.data().orderId()).resends()).isEqualTo(1);
        assertThat(testbed.saga(late.data().orderId()).resends()).isZero();
        // swept again at once: the resent saga has a new deadline, nothing is overdue
        assertThat(sweep()).isEqualTo("0 sagas overdue: 0 resent, 0 timed out, 0 failed");
    }

    @Test
    void aCanceledOrderStopsItsSagaWhichCancelsTheListItMadeAndIsDone() throws IOException {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        String listId = CosecTestbed.id();
        testbed.deliver(testbed.commands().stream().map(command -> Participants.succeed(command, listId))
                .toArray(Message<?>[]::new));
        assertThat(testbed.lastCommand().detailType()).isEqualTo("InitiateShopping");
        int published = testbed.commands().size();
        Message<OrderCanceled> canceled = canceled(created);

        testbed.deliver(canceled);

        assertThat(testbed.commands().subList(published, testbed.commands().size())).extracting(message -> (Object) message.data())
                .containsExactly(new CancelShoppingListCommand(listId), new RejectOrderCommand(orderId, "order canceled"));
        SagaState saga = testbed.saga(orderId);
        assertThat(saga.done()).isTrue();
        assertThat(saga.reason()).isEqualTo("order canceled");
        assertThat(testbed.sagaItem(orderId).orElseThrow()).doesNotContainKeys(SagaDeadlines.DUE, SagaDeadlines.AT);
        // a copy, or a second cancel, changes nothing; nor does the deadline passing
        testbed.deliver(canceled);
        testbed.deliver(canceled(created));
        clock.move(Duration.ofHours(1));
        assertThat(sweep()).startsWith("0 sagas overdue");
        assertThat(testbed.commands()).hasSize(published + 2);
        assertThat(testbed.saga(orderId)).isEqualTo(saga);
    }

    @Test
    void anOrderCanceledBeforeItsSagaStartedIsTakenAndStopsNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();

        testbed.deliver(canceled(created));

        assertThat(testbed.sagaItem(created.data().orderId())).isEmpty();
        assertThat(testbed.commands()).isEmpty();
    }

    private static Message<OrderCanceled> canceled(Message<OrderCreated> created) {
        OrderCreated order = created.data();
        return OrderingMessages.ORDER_CANCELED.create(new OrderCanceled(order.orderId(), order.customerId(),
                order.paymentId(), null)).withMetadata(m -> m.withAggregate(order.orderId(), 2));
    }

    /** Runs the deadline function as its schedule does (it reads nothing from its event). */
    private String sweep() throws IOException {
        JsonNode event = CosecTestbed.json(Files.readString(Path.of("../../events-schema/invoke/CosecSagaDeadlines.json")));
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        return deadlines.handleRequest(new ScheduledEvent(), null);
    }
}
