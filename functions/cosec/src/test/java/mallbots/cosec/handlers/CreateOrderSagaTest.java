package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mallbots.messages.cosec.ApproveOrder;
import mallbots.messages.cosec.AuthorizeCustomer;
import mallbots.messages.cosec.CancelShoppingList;
import mallbots.messages.cosec.ConfirmPayment;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.CreateShoppingList;
import mallbots.messages.cosec.InitiateShopping;
import mallbots.messages.cosec.RejectOrder;
import mallbots.messages.ordering.OrderCreated;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.saga.SagaState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The create-order saga through the real path: OrderCreated and the participants' replies go
 * through a queue (ElasticMQ) into CosecEventsFunction, the saga lives in dynalite, and every
 * command it sends is checked against its schema.
 */
class CreateOrderSagaTest {

    private final CosecTestbed testbed = new CosecTestbed();

    @Test
    void orderCreatedStartsTheSagaWithAuthorizeCustomer() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        OrderCreated order = created.data();

        testbed.deliver(created);

        Message<?> authorize = testbed.lastCommand();
        assertThat(testbed.commands()).hasSize(1);
        assertThat(authorize.type()).isEqualTo(CosecMessages.AUTHORIZE_CUSTOMER);
        assertThat(authorize.data()).isEqualTo(new AuthorizeCustomer(order.customerId()));
        assertCommandOf(authorize, order.orderId(), created);
        SagaState saga = testbed.saga(order.orderId());
        assertThat(saga.id()).isEqualTo(order.orderId());
        assertThat(saga.name()).isEqualTo("CreateOrderSaga");
        assertThat(saga.step()).isEqualTo(2);
        assertThat(saga.done()).isFalse();
        assertThat(saga.compensating()).isFalse();
        assertThat(saga.awaiting()).isEqualTo(authorize.messageId());
        assertThat(saga.data().get("orderId").asText()).isEqualTo(order.orderId());
        assertThat(saga.data().get("total").asText()).isEqualTo("11.50");
        // published, so the item's outbox is empty again
        Map<String, AttributeValue> item = testbed.sagaItem(order.orderId()).orElseThrow();
        assertThat(item.get("outbox").m()).isEmpty();
        assertThat(item).doesNotContainKey("outboxPending");
    }

    @Test
    void successRepliesRunTheSixStepsInOrderThenTheSagaIsDone() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        OrderCreated order = created.data();
        String shoppingListId = CosecTestbed.id();
        testbed.deliver(created);

        Message<?> authorize = testbed.lastCommand();
        Message<?> authorized = Participants.succeed(authorize, null);
        testbed.deliver(authorized);
        Message<?> createList = testbed.lastCommand();
        Message<?> listCreated = Participants.succeed(createList, shoppingListId);
        testbed.deliver(listCreated);
        Message<?> confirmPayment = testbed.lastCommand();
        Message<?> confirmed = Participants.succeed(confirmPayment, null);
        testbed.deliver(confirmed);
        Message<?> initiate = testbed.lastCommand();
        Message<?> initiated = Participants.succeed(initiate, null);
        testbed.deliver(initiated);
        Message<?> approve = testbed.lastCommand();
        testbed.deliver(Participants.succeed(approve, null));

        assertThat(testbed.commandTypes()).containsExactly("AuthorizeCustomer", "CreateShoppingList",
                "ConfirmPayment", "InitiateShopping", "ApproveOrder");
        assertThat(createList.data()).isEqualTo(new CreateShoppingList(order.orderId(), order.items().stream()
                .map(item -> new CreateShoppingList.Item(item.productId(), item.storeId(), item.quantity()))
                .toList()));
        assertThat(confirmPayment.data())
                .isEqualTo(new ConfirmPayment(order.paymentId(), order.customerId(), Money.of("11.50")));
        assertThat(initiate.data()).isEqualTo(new InitiateShopping(shoppingListId));
        assertThat(approve.data()).isEqualTo(new ApproveOrder(order.orderId(), shoppingListId));
        // each command is caused by the message that moved the saga to its step
        assertCommandOf(authorize, order.orderId(), created);
        assertCommandOf(createList, order.orderId(), authorized);
        assertCommandOf(confirmPayment, order.orderId(), listCreated);
        assertCommandOf(initiate, order.orderId(), confirmed);
        assertCommandOf(approve, order.orderId(), initiated);
        SagaState saga = testbed.saga(order.orderId());
        assertThat(saga.done()).isTrue();
        assertThat(saga.compensating()).isFalse();
        assertThat(saga.completed()).isTrue();
        assertThat(saga.step()).isEqualTo(6);
        assertThat(saga.awaiting()).isNull();
        assertThat(saga.data().get("shoppingListId").asText()).isEqualTo(shoppingListId);
        assertThat(testbed.version(order.orderId())).isEqualTo(6);
    }

    @ParameterizedTest(name = "a failure at step {0} ({1}) sends {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | AuthorizeCustomer  | RejectOrder
            3 | CreateShoppingList | RejectOrder
            4 | ConfirmPayment     | CancelShoppingList, RejectOrder
            5 | InitiateShopping   | CancelShoppingList, RejectOrder
            6 | ApproveOrder       | CancelShoppingList, RejectOrder
            """)
    void aFailureSendsTheCompensationsOfTheEarlierStepsNearestFirstThenTheSagaIsDone(int step, String failing,
            String compensations) {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        String shoppingListId = CosecTestbed.id();
        testbed.deliver(created);
        for (int reached = 2; reached < step; reached++) {
            testbed.deliver(Participants.succeed(testbed.lastCommand(), shoppingListId));
        }
        Message<?> failed = testbed.lastCommand();
        assertThat(failed.detailType()).isEqualTo(failing);
        int sentBefore = testbed.commands().size();

        Message<?> failure = Participants.fail(failed, failing + " refused by the test");
        testbed.deliver(failure);

        List<Message<?>> sent = testbed.commands().subList(sentBefore, testbed.commands().size());
        assertThat(sent).extracting(Message::detailType).containsExactly(compensations.split(",\\s*"));
        assertThat(sent.getLast().data()).isEqualTo(new RejectOrder(orderId));
        if (sent.size() == 2) {
            assertThat(sent.getFirst().data()).isEqualTo(new CancelShoppingList(shoppingListId));
        }
        sent.forEach(compensation -> assertCommandOf(compensation, orderId, failure));
        SagaState saga = testbed.saga(orderId);
        assertThat(saga.done()).isTrue();
        assertThat(saga.compensating()).isTrue();
        assertThat(saga.step()).isEqualTo(step);
        assertThat(saga.awaiting()).isNull();
        assertThat(saga.reason()).isEqualTo(failing + " refused by the test");

        // the compensations' replies reach a done saga: nothing changes, nothing is sent
        long version = testbed.version(orderId);
        testbed.deliver(sent.stream().map(compensation -> Participants.succeed(compensation, null))
                .toArray(Message<?>[]::new));
        assertThat(testbed.commands()).hasSize(sentBefore + sent.size());
        assertThat(testbed.version(orderId)).isEqualTo(version);
        assertThat(testbed.saga(orderId)).isEqualTo(saga);
    }

    @Test
    void aSecondCopyOfAReplyChangesNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorized = Participants.succeed(testbed.lastCommand(), null);
        testbed.deliver(authorized);
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        // the same reply again: EventBridge delivered it twice, or SQS after a lost deletion
        testbed.deliver(authorized, authorized);

        assertThat(testbed.commandTypes()).containsExactly("AuthorizeCustomer", "CreateShoppingList");
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        assertThat(testbed.saga(orderId).step()).isEqualTo(3);
    }

    @Test
    void aReplyToACommandTheSagaDoesNotAwaitChangesNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorize = testbed.lastCommand();
        testbed.deliver(Participants.succeed(authorize, null));
        Message<?> createList = testbed.lastCommand();
        List<Map<String, AttributeValue>> awaitingList = testbed.allItems();

        // a reply of the step before (a new message, not a copy), and one to a command of step 4
        // that was never sent: neither is the reply the saga waits for
        Message<?> lateAuthorization = Participants.fail(authorize, "late")
                .withMetadata(m -> m.withMessageId(CosecTestbed.id()));
        Message<?> foreignPayment = Participants.succeed(new Message<>(CosecMessages.CONFIRM_PAYMENT,
                Metadata.first().withSaga(orderId, "CreateOrderSaga", "mallbots.cosec"),
                new ConfirmPayment(created.data().paymentId(), created.data().customerId(), Money.of("11.50"))), null);
        testbed.deliver(lateAuthorization, foreignPayment);

        assertThat(testbed.allItems()).isEqualTo(awaitingList);
        assertThat(testbed.commandTypes()).containsExactly("AuthorizeCustomer", "CreateShoppingList");
        // and the awaited reply still moves it on
        testbed.deliver(Participants.succeed(createList, CosecTestbed.id()));
        assertThat(testbed.commandTypes()).endsWith("ConfirmPayment");
    }

    @Test
    void aReplyForADoneSagaChangesNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorize = testbed.lastCommand();
        testbed.deliver(Participants.fail(authorize, "customer is disabled"));
        assertThat(testbed.saga(orderId).done()).isTrue();
        List<Map<String, AttributeValue>> done = testbed.allItems();
        int sent = testbed.commands().size();

        // the same command answered again, differently, with a new message id
        testbed.deliver(Participants.succeed(authorize, null).withMetadata(m -> m.withMessageId(CosecTestbed.id())));

        assertThat(testbed.allItems()).isEqualTo(done);
        assertThat(testbed.commands()).hasSize(sent);
    }

    @Test
    void aSecondOrderCreatedForTheSameOrderStartsNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        testbed.deliver(Participants.succeed(testbed.lastCommand(), null));
        List<Map<String, AttributeValue>> running = testbed.allItems();

        // a copy of the event, and the same order announced again by another message
        Message<OrderCreated> again = created.withMetadata(m -> m.withMessageId(CosecTestbed.id()));
        testbed.deliver(created, again);

        assertThat(testbed.allItems()).isEqualTo(running);
        assertThat(testbed.commandTypes()).containsExactly("AuthorizeCustomer", "CreateShoppingList");
        assertThat(testbed.saga(orderId).step()).isEqualTo(3);
    }

    @Test
    void ordersHaveSagasOfTheirOwn() {
        Message<OrderCreated> first = CosecTestbed.orderCreated();
        Message<OrderCreated> second = CosecTestbed.orderCreated();

        testbed.deliver(first, second);
        testbed.deliver(Participants.fail(testbed.commands().stream()
                .filter(c -> c.metadata().sagaId().equals(first.data().orderId())).findFirst().orElseThrow(), "no"));

        assertThat(testbed.saga(first.data().orderId()).done()).isTrue();
        assertThat(testbed.saga(second.data().orderId()).done()).isFalse();
        assertThat(testbed.saga(second.data().orderId()).step()).isEqualTo(2);
    }

    private static void assertCommandOf(Message<?> command, String orderId, Message<?> cause) {
        Metadata metadata = command.metadata();
        assertThat(command.source()).isEqualTo("mallbots.cosec");
        assertThat(metadata.sagaId()).isEqualTo(orderId);
        assertThat(metadata.sagaName()).isEqualTo("CreateOrderSaga");
        assertThat(metadata.replyTo()).isEqualTo("mallbots.cosec");
        assertThat(metadata.causationId()).isEqualTo(cause.messageId());
        assertThat(metadata.correlationId()).isEqualTo(cause.metadata().correlationId());
        assertThat(metadata.outcome()).isNull();
        assertThat(metadata.aggregateId()).isNull();
    }
}
