package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.InitiateShoppingCommand;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.ordering.OrderCreated;
import mallbots.platform.messaging.Message;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.saga.SagaResult;
import mallbots.platform.saga.SagaResult.Status;
import mallbots.platform.saga.SagaState;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.Race;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Concurrent replies, crashes between the write and the publication, and records that cannot be processed. */
class SagaRacesAndCrashesTest {

    @RepeatedTest(3)
    void ofConcurrentRepliesToOneActionExactlyOneIsRecorded() throws Exception {
        CosecTestbed testbed = new CosecTestbed();
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        testbed.deliver(created);
        Message<?> authorize = testbed.command(orderId, "AuthorizeCustomer");
        // different messages (own ids), half success and half failure, all answering the same command
        List<Message<?>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Message<?> reply = i % 2 == 0 ? Participants.succeed(authorize, null) : Participants.fail(authorize, "no");
            replies.add(reply.withMetadata(m -> m.withMessageId(CosecTestbed.id())));
        }

        List<SagaResult> results = race(testbed, replies);

        assertThat(results).extracting(SagaResult::status)
                .filteredOn(status -> status != Status.IGNORED).containsExactly(Status.RECORDED);
        SagaState saga = testbed.saga(orderId);
        assertThat(testbed.version(orderId)).isEqualTo(2);
        assertThat(saga.succeeded().size() + saga.failed().size()).isEqualTo(1);
        assertThat(saga.awaiting()).hasSize(2).doesNotContain(authorize.messageId());
        assertThat(testbed.commands()).hasSize(3);
    }

    @RepeatedTest(3)
    void theRepliesOfTheParallelStepHandledAtTheSameTimeAreAllRecordedAndTheSagaGoesOnOnce() throws Exception {
        CosecTestbed testbed = new CosecTestbed();
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        String shoppingListId = CosecTestbed.id();
        testbed.deliver(created);
        List<Message<?>> replies = testbed.commands().stream()
                .<Message<?>>map(command -> Participants.succeed(command, shoppingListId)).toList();

        List<SagaResult> results = race(testbed, replies);

        assertThat(results).extracting(SagaResult::status)
                .containsExactlyInAnyOrder(Status.RECORDED, Status.RECORDED, Status.ADVANCED);
        assertThat(testbed.commandTypes()).endsWith("InitiateShopping").hasSize(4);
        assertThat(testbed.lastCommand().data()).isEqualTo(new InitiateShoppingCommand(shoppingListId));
        assertThat(testbed.version(orderId)).isEqualTo(4);
    }

    @RepeatedTest(3)
    void aFailedAuthorizationRacingTheListsCreationStillCancelsTheListOnce() throws Exception {
        CosecTestbed testbed = new CosecTestbed();
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        String shoppingListId = CosecTestbed.id();
        testbed.deliver(created);
        Message<?> refused = Participants.fail(testbed.command(orderId, "AuthorizeCustomer"), "customer is disabled");
        Message<?> listCreated = Participants.succeed(testbed.command(orderId, "CreateShoppingList"), shoppingListId);
        Message<?> confirmed = Participants.succeed(testbed.command(orderId, "ConfirmPayment"), null);

        List<SagaResult> results = race(testbed, List.of(refused, listCreated, confirmed, listCreated, refused));

        assertThat(results).extracting(SagaResult::status).containsOnlyOnce(Status.COMPENSATED)
                .filteredOn(status -> status == Status.RECORDED).hasSize(2);
        assertThat(testbed.commands().subList(3, testbed.commands().size())).<Object>extracting(Message::data)
                .containsExactly(new CancelShoppingListCommand(shoppingListId), new RejectOrderCommand(orderId, "customer is disabled"));
        assertThat(testbed.saga(orderId).reason()).isEqualTo("customer is disabled");
    }

    @Test
    void copiesOfOneReplyRacingAreRecordedOnce() throws Exception {
        CosecTestbed testbed = new CosecTestbed();
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        testbed.deliver(created);
        Message<?> authorized = Participants.succeed(testbed.command(created.data().orderId(), "AuthorizeCustomer"),
                null);

        List<SagaResult> results = race(testbed, List.of(authorized, authorized, authorized, authorized));

        assertThat(results).extracting(SagaResult::status).containsOnlyOnce(Status.RECORDED)
                .allMatch(status -> status == Status.RECORDED || status == Status.DUPLICATE);
        assertThat(testbed.commands()).hasSize(3);
        assertThat(testbed.version(created.data().orderId())).isEqualTo(2);
    }

    @Test
    void aCommandWrittenButNotPublishedBeforeACrashIsSentByTheSweeperAndNotDecidedTwice() {
        RecordingPublisher dying = RecordingPublisher.crashing();
        CosecTestbed testbed = new CosecTestbed(dying);
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();

        assertThatThrownBy(() -> testbed.module.start().start(created)).isInstanceOf(RecordingPublisher.SimulatedCrash.class);

        Map<String, AttributeValue> item = testbed.sagaItem(orderId).orElseThrow();
        assertThat(item.get("outbox").m()).hasSize(3);
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
        // the function is restarted and OrderCreated delivered again: the saga exists, nothing is decided again
        RecordingPublisher bus = RecordingPublisher.accepting();
        CosecTestbed restarted = testbed.restartedWith(bus);
        assertThat(restarted.module.start().start(created).status()).isEqualTo(Status.ALREADY_STARTED);
        assertThat(bus.published()).isEmpty();

        sweep(restarted, bus);

        assertThat(restarted.commandTypes()).containsExactlyInAnyOrder("AuthorizeCustomer", "CreateShoppingList",
                "ConfirmPayment");
        assertThat(restarted.commands()).extracting(Message::messageId)
                .containsExactlyInAnyOrderElementsOf(restarted.saga(orderId).awaiting());
        assertThat(restarted.sagaItem(orderId).orElseThrow().get("outbox").m()).isEmpty();

        // the same after the step's last reply: the next command waits in the outbox, the redelivered reply is
        // a duplicate
        String listId = CosecTestbed.id();
        restarted.module.replies().handle(Participants.succeed(restarted.command(orderId, "AuthorizeCustomer"), null));
        restarted.module.replies().handle(Participants.succeed(restarted.command(orderId, "CreateShoppingList"),
                listId));
        RecordingPublisher dyingAgain = RecordingPublisher.crashing();
        CosecTestbed crashingOnReply = restarted.restartedWith(dyingAgain);
        Message<?> confirmed = Participants.succeed(restarted.command(orderId, "ConfirmPayment"), null);
        assertThatThrownBy(() -> crashingOnReply.module.replies().handle(confirmed))
                .isInstanceOf(RecordingPublisher.SimulatedCrash.class);
        assertThat(restarted.module.replies().handle(confirmed).status()).isEqualTo(Status.DUPLICATE);
        sweep(restarted, bus);
        assertThat(restarted.commandTypes()).hasSize(4).endsWith("InitiateShopping");
        assertThat(restarted.lastCommand().data()).isEqualTo(new InitiateShoppingCommand(listId));
        assertThat(restarted.saga(orderId).step()).isEqualTo(3);
    }

    @Test
    void onlyTheRecordsThatCannotBeProcessedFailAndTheyChangeNothing() {
        CosecTestbed testbed = new CosecTestbed();
        Message<OrderCreated> running = CosecTestbed.orderCreated();
        testbed.deliver(running);
        Message<?> authorize = testbed.command(running.data().orderId(), "AuthorizeCustomer");
        Message<OrderCreated> good = CosecTestbed.orderCreated();
        // a reply to a saga that does not exist, a reply naming another saga, and a body that is not an event
        Message<?> unknownSaga = Participants.succeed(authorize, null)
                .withMetadata(m -> m.withSaga(CosecTestbed.id(), "CreateOrderSaga", "mallbots.cosec"));
        Message<?> otherSaga = Participants.succeed(authorize, null)
                .withMetadata(m -> m.withSaga(running.data().orderId(), "CancelOrderSaga", "mallbots.cosec"));
        List<Map<String, AttributeValue>> before = testbed.allItems();
        SqsEvents.send(testbed.sqs, testbed.queue, EventBridgeEvents.of(good, CosecTestbed.INBOUND));
        SqsEvents.send(testbed.sqs, testbed.queue, EventBridgeEvents.of(unknownSaga, CosecTestbed.INBOUND));
        SqsEvents.send(testbed.sqs, testbed.queue, EventBridgeEvents.of(otherSaga, CosecTestbed.INBOUND));
        SqsEvents.send(testbed.sqs, testbed.queue, "{\"detail-type\": \"AuthorizeCustomerReply\", \"source\": ");
        SQSEvent batch = SqsEvents.receive(testbed.sqs, testbed.queue, 4);

        SQSBatchResponse response = testbed.function.handleRequest(batch, null);

        String goodRecord = batch.getRecords().stream().filter(r -> r.getBody().contains(good.messageId()))
                .findFirst().orElseThrow().getMessageId();
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .hasSize(3).doesNotContain(goodRecord);
        assertThat(testbed.saga(good.data().orderId()).step()).isEqualTo(2);
        assertThat(testbed.allItems()).hasSize(before.size() + 1).containsAll(before);
        assertThat(testbed.sagaItem(unknownSaga.metadata().sagaId())).isEmpty();
        assertThat(testbed.commands()).hasSize(6);
    }

    private static List<SagaResult> race(CosecTestbed testbed, List<Message<?>> replies) throws Exception {
        return Race.run(replies, reply -> testbed.module.replies().handle(reply));
    }

    private static void sweep(CosecTestbed testbed, RecordingPublisher bus) {
        new OutboxSweeperFunction(testbed.dynamo, testbed.table, new SchemaCheckingPublisher(bus), Duration.ZERO)
                .handleRequest(null, null);
    }
}
