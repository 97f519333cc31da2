package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mallbots.messages.cosec.ApproveOrderCommand;
import mallbots.messages.cosec.AuthorizeCustomerCommand;
import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.CreateShoppingListCommand;
import mallbots.messages.cosec.InitiateShoppingCommand;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.ordering.OrderCreated;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.saga.SagaOrchestrator;
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

    private static final List<String> TOGETHER = List.of("AuthorizeCustomer", "CreateShoppingList", "ConfirmPayment");

    @Test
    void orderCreatedStartsTheSagaWithAuthorizeCreateListAndConfirmPaymentSentTogether() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        OrderCreated order = created.data();

        testbed.deliver(created);

        assertThat(testbed.commandTypes()).containsExactlyElementsOf(TOGETHER);
        Message<?> authorize = testbed.command(order.orderId(), "AuthorizeCustomer");
        Message<?> createList = testbed.command(order.orderId(), "CreateShoppingList");
        Message<?> confirmPayment = testbed.command(order.orderId(), "ConfirmPayment");
        assertThat(authorize.data()).isEqualTo(new AuthorizeCustomerCommand(order.customerId()));
        assertThat(createList.data()).isEqualTo(new CreateShoppingListCommand(order.orderId(), order.items().stream()
                .map(item -> new CreateShoppingListCommand.Item(item.productId(), item.storeId(), item.quantity()))
                .toList()));
        assertThat(confirmPayment.data())
                .isEqualTo(new ConfirmPaymentCommand(order.paymentId(), order.customerId(), Money.of("11.50")));
        testbed.commands().forEach(command -> assertCommandOf(command, order.orderId(), created));
        SagaState saga = testbed.saga(order.orderId());
        assertThat(saga.id()).isEqualTo(order.orderId());
        assertThat(saga.name()).isEqualTo("CreateOrderSaga");
        assertThat(saga.layout()).isEqualTo("-/RejectOrder | AuthorizeCustomer + "
                + "CreateShoppingList/CancelShoppingList + ConfirmPayment | InitiateShopping | ApproveOrder");
        assertThat(saga.step()).isEqualTo(2);
        assertThat(saga.done()).isFalse();
        assertThat(saga.compensating()).isFalse();
        assertThat(saga.awaiting()).containsExactly(authorize.messageId(), createList.messageId(),
                confirmPayment.messageId());
        assertThat(saga.data().get("orderId").asText()).isEqualTo(order.orderId());
        assertThat(saga.data().get("total").asText()).isEqualTo("11.50");
        // one write: the saga's first version carries the three commands, published, so the outbox is empty again
        assertThat(testbed.version(order.orderId())).isEqualTo(1);
        Map<String, AttributeValue> item = testbed.sagaItem(order.orderId()).orElseThrow();
        assertThat(item.get("outbox").m()).isEmpty();
        assertThat(item).doesNotContainKey("outboxPending");
    }

    @ParameterizedTest(name = "replies in the order {0}")
    @CsvSource(delimiter = '|', textBlock = """
            AuthorizeCustomer, CreateShoppingList, ConfirmPayment
            ConfirmPayment, CreateShoppingList, AuthorizeCustomer
            CreateShoppingList, ConfirmPayment, AuthorizeCustomer
            """)
    void onceAllThreeSucceededInAnyOrderShoppingIsInitiatedThenTheOrderApprovedThenTheSagaIsDone(String order) {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        String shoppingListId = CosecTestbed.id();
        testbed.deliver(created);

        Message<?> lastOfTheGroup = null;
        for (String type : order.split(",\\s*")) {
            lastOfTheGroup = Participants.succeed(testbed.command(orderId, type), shoppingListId);
            testbed.deliver(lastOfTheGroup);
        }
        Message<?> initiate = testbed.lastCommand();
        Message<?> initiated = Participants.succeed(initiate, null);
        testbed.deliver(initiated);
        Message<?> approve = testbed.lastCommand();
        testbed.deliver(Participants.succeed(approve, null));

        assertThat(testbed.commandTypes()).containsExactly("AuthorizeCustomer", "CreateShoppingList",
                "ConfirmPayment", "InitiateShopping", "ApproveOrder");
        assertThat(initiate.data()).isEqualTo(new InitiateShoppingCommand(shoppingListId));
        assertThat(approve.data()).isEqualTo(new ApproveOrderCommand(orderId, shoppingListId));
        // each command is caused by the message that moved the saga to its step
        assertCommandOf(initiate, orderId, lastOfTheGroup);
        assertCommandOf(approve, orderId, initiated);
        SagaState saga = testbed.saga(orderId);
        assertThat(saga.done()).isTrue();
        assertThat(saga.compensating()).isFalse();
        assertThat(saga.completed()).isTrue();
        assertThat(saga.step()).isEqualTo(4);
        assertThat(saga.awaiting()).isEmpty();
        assertThat(saga.data().get("shoppingListId").asText()).isEqualTo(shoppingListId);
        // created, three replies recorded, initiated, approved
        assertThat(testbed.version(orderId)).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} fail, replies in the order {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            AuthorizeCustomer                  | AuthorizeCustomer, CreateShoppingList, ConfirmPayment | CancelShoppingList, RejectOrder
            AuthorizeCustomer                  | CreateShoppingList, ConfirmPayment, AuthorizeCustomer | CancelShoppingList, RejectOrder
            CreateShoppingList                 | CreateShoppingList, AuthorizeCustomer, ConfirmPayment | RejectOrder
            CreateShoppingList                 | AuthorizeCustomer, ConfirmPayment, CreateShoppingList | RejectOrder
            ConfirmPayment                     | ConfirmPayment, AuthorizeCustomer, CreateShoppingList | CancelShoppingList, RejectOrder
            ConfirmPayment                     | CreateShoppingList, AuthorizeCustomer, ConfirmPayment | CancelShoppingList, RejectOrder
            AuthorizeCustomer, ConfirmPayment  | ConfirmPayment, CreateShoppingList, AuthorizeCustomer | CancelShoppingList, RejectOrder
            AuthorizeCustomer, CreateShoppingList, ConfirmPayment | CreateShoppingList, ConfirmPayment, AuthorizeCustomer | RejectOrder
            InitiateShopping                   | AuthorizeCustomer, CreateShoppingList, ConfirmPayment | CancelShoppingList, RejectOrder
            ApproveOrder                       | ConfirmPayment, AuthorizeCustomer, CreateShoppingList | CancelShoppingList, RejectOrder
            """)
    void aFailureCompensatesOnceEveryReplyOfItsStepIsInThenTheSagaIsDone(String failing, String order,
            String compensations) {
        List<String> failures = List.of(failing.split(",\\s*"));
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        String shoppingListId = CosecTestbed.id();
        testbed.deliver(created);
        List<String> arrivals = new ArrayList<>(List.of(order.split(",\\s*")));
        if (!TOGETHER.contains(failures.getFirst())) {
            arrivals.add("InitiateShopping");
            if (failures.getFirst().equals("ApproveOrder")) {
                arrivals.add("ApproveOrder");
            }
        }

        Message<?> lastReply = null;
        int sentBefore = 0;
        for (String type : arrivals) {
            assertThat(testbed.saga(orderId).done()).as("done before " + type + " answered").isFalse();
            sentBefore = testbed.commands().size();
            Message<?> command = testbed.command(orderId, type);
            lastReply = failures.contains(type) ? Participants.fail(command, type + " refused by the test")
                    : Participants.succeed(command, shoppingListId);
            testbed.deliver(lastReply);
        }

        Message<?> cause = lastReply;
        List<Message<?>> sent = testbed.commands().subList(sentBefore, testbed.commands().size());
        assertThat(sent).extracting(Message::detailType).containsExactly(compensations.split(",\\s*"));
        // the order is told why: the failed commands' reasons, in the order of the step's actions
        assertThat(sent.getLast().data()).isEqualTo(new RejectOrderCommand(orderId, testbed.saga(orderId).reason()));
        assertThat(testbed.saga(orderId).reason()).contains("refused by the test");
        if (sent.size() == 2) {
            assertThat(sent.getFirst().data()).isEqualTo(new CancelShoppingListCommand(shoppingListId));
        }
        sent.forEach(compensation -> assertCommandOf(compensation, orderId, cause));
        SagaState saga = testbed.saga(orderId);
        assertThat(saga.done()).isTrue();
        assertThat(saga.compensating()).isTrue();
        assertThat(saga.step()).isEqualTo(TOGETHER.contains(failures.getFirst()) ? 2
                : failures.getFirst().equals("InitiateShopping") ? 3 : 4);
        assertThat(saga.awaiting()).isEmpty();
        // the reasons of the step's failed actions, in the step's order whatever the arrival order
        assertThat(saga.reason()).isEqualTo(String.join("; ", failures.stream()
                .map(type -> type + " refused by the test").toList()));

        // the compensations' replies reach a done saga: nothing changes, nothing is sent
        long version = testbed.version(orderId);
        int sentAll = testbed.commands().size();
        testbed.deliver(sent.stream().map(compensation -> Participants.succeed(compensation, null))
                .toArray(Message<?>[]::new));
        assertThat(testbed.commands()).hasSize(sentAll);
        assertThat(testbed.version(orderId)).isEqualTo(version);
        assertThat(testbed.saga(orderId)).isEqualTo(saga);
    }

    @Test
    void aSecondCopyOfAReplyChangesNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorized = Participants.succeed(testbed.command(orderId, "AuthorizeCustomer"), null);
        testbed.deliver(authorized);
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        // the same reply again: EventBridge delivered it twice, or SQS after a lost deletion
        testbed.deliver(authorized, authorized);

        assertThat(testbed.commandTypes()).containsExactlyElementsOf(TOGETHER);
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        assertThat(testbed.saga(orderId).awaiting()).hasSize(2);
        assertThat(testbed.saga(orderId).succeeded()).containsExactly(1);
    }

    @Test
    void aReplyToACommandTheSagaDoesNotAwaitChangesNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorize = testbed.command(orderId, "AuthorizeCustomer");
        testbed.deliver(Participants.succeed(authorize, null));
        List<Map<String, AttributeValue>> recorded = testbed.allItems();

        // the authorization answered again (a new message, not a copy), and a reply to a command of
        // step 3 that was never sent: neither is a reply the saga waits for
        Message<?> lateAuthorization = Participants.fail(authorize, "late")
                .withMetadata(m -> m.withMessageId(CosecTestbed.id()));
        Message<?> foreignInitiation = Participants.succeed(new Message<>(CosecMessages.INITIATE_SHOPPING,
                Metadata.first().withSaga(orderId, "CreateOrderSaga", "mallbots.cosec"),
                new InitiateShoppingCommand(CosecTestbed.id())), null);
        testbed.deliver(lateAuthorization, foreignInitiation);

        assertThat(testbed.allItems()).isEqualTo(recorded);
        assertThat(testbed.commandTypes()).containsExactlyElementsOf(TOGETHER);
        // and the awaited replies still move it on
        testbed.deliver(Participants.succeed(testbed.command(orderId, "CreateShoppingList"), CosecTestbed.id()));
        testbed.deliver(Participants.succeed(testbed.command(orderId, "ConfirmPayment"), null));
        assertThat(testbed.commandTypes()).endsWith("InitiateShopping");
    }

    @Test
    void aReplyForADoneSagaChangesNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorize = testbed.command(orderId, "AuthorizeCustomer");
        testbed.deliver(Participants.fail(authorize, "customer is disabled"),
                Participants.fail(testbed.command(orderId, "CreateShoppingList"), "unknown store"),
                Participants.fail(testbed.command(orderId, "ConfirmPayment"), "unknown payment"));
        assertThat(testbed.saga(orderId).done()).isTrue();
        List<Map<String, AttributeValue>> done = testbed.allItems();
        int sent = testbed.commands().size();

        // the same command answered again, differently, with a new message id
        testbed.deliver(Participants.succeed(authorize, null).withMetadata(m -> m.withMessageId(CosecTestbed.id())));

        assertThat(testbed.allItems()).isEqualTo(done);
        assertThat(testbed.commands()).hasSize(sent);
        assertThat(testbed.commandTypes()).endsWith("RejectOrder").doesNotContain("CancelShoppingList");
    }

    @Test
    void aSagaStoredByTheSequentialVersionFailsItsReplyRatherThanSendAWrongCommand() {
        // a saga in flight when the parallel steps were deployed: step 3 of six (CreateShoppingList), as the
        // previous version stored it; its step 3 is now InitiateShopping, whose command id is the same
        String orderId = CosecTestbed.id();
        String createListId = SagaOrchestrator.commandId(orderId, 3, "action");
        String stored = """
                {"id":"%s","name":"CreateOrderSaga","data":{"orderId":"%s","customerId":"c-1","paymentId":"p-1",\
                "items":[{"productId":"p","storeId":"s","quantity":1}],"total":"2.50"},"step":3,"done":false,\
                "compensating":false,"awaiting":"%s"}""".formatted(orderId, orderId, createListId);
        testbed.dynamo.putItem(r -> r.tableName(testbed.table).item(Map.of(
                "pk", AttributeValue.fromS(SagaOrchestrator.keyOf(orderId)),
                "state", AttributeValue.fromS(stored),
                "version", AttributeValue.fromN("2"),
                "applied", AttributeValue.fromL(List.of(AttributeValue.fromS(CosecTestbed.id()))))));
        List<Map<String, AttributeValue>> before = testbed.allItems();
        Message<?> createList = new Message<>(CosecMessages.CREATE_SHOPPING_LIST, Metadata.first()
                .withMessageId(createListId).withSaga(orderId, "CreateOrderSaga", "mallbots.cosec"),
                new CreateShoppingListCommand(orderId, List.of(new CreateShoppingListCommand.Item("p", "s", 1))));
        Message<?> listCreated = Participants.succeed(createList, CosecTestbed.id());

        assertThat(testbed.saga(orderId).layout()).isNull();
        assertThat(testbed.saga(orderId).awaiting()).containsExactly(createListId);
        assertThatThrownBy(() -> testbed.module.replies().handle(listCreated))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateOrderSaga " + orderId)
                .hasMessageContaining("did not record its layout");
        assertThat(testbed.deliverExpectingFailures(listCreated).getBatchItemFailures()).hasSize(1);
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.commands()).isEmpty();
    }

    @Test
    void aSecondOrderCreatedForTheSameOrderStartsNothing() {
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        testbed.deliver(Participants.succeed(testbed.command(orderId, "AuthorizeCustomer"), null));
        List<Map<String, AttributeValue>> running = testbed.allItems();

        // a copy of the event, and the same order announced again by another message
        Message<OrderCreated> again = created.withMetadata(m -> m.withMessageId(CosecTestbed.id()));
        testbed.deliver(created, again);

        assertThat(testbed.allItems()).isEqualTo(running);
        assertThat(testbed.commandTypes()).containsExactlyElementsOf(TOGETHER);
        assertThat(testbed.saga(orderId).step()).isEqualTo(2);
    }

    @Test
    void ordersHaveSagasOfTheirOwn() {
        Message<OrderCreated> first = CosecTestbed.orderCreated();
        Message<OrderCreated> second = CosecTestbed.orderCreated();
        String firstId = first.data().orderId();

        testbed.deliver(first, second);
        testbed.deliver(Participants.fail(testbed.command(firstId, "AuthorizeCustomer"), "no"),
                Participants.fail(testbed.command(firstId, "CreateShoppingList"), "no"),
                Participants.fail(testbed.command(firstId, "ConfirmPayment"), "no"));

        assertThat(testbed.saga(firstId).done()).isTrue();
        assertThat(testbed.saga(second.data().orderId()).done()).isFalse();
        assertThat(testbed.saga(second.data().orderId()).awaiting()).hasSize(3);
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
