package mallbots.depot.handlers;

import static mallbots.depot.handlers.DepotTestbed.cancelShoppingList;
import static mallbots.depot.handlers.DepotTestbed.createShoppingList;
import static mallbots.depot.handlers.DepotTestbed.initiateShopping;
import static mallbots.depot.handlers.DepotTestbed.productRemoved;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.depot.domain.ShoppingList;
import mallbots.depot.domain.ShoppingListStatus;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.CreateShoppingListCommand;
import mallbots.messages.depot.CreateShoppingListReply;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.ShoppingListCanceled;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.saga.SagaReplies;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The saga's commands to depot through a real queue into DepotEventsFunction: every command gets
 * one reply (schema-checked by the publisher), the same one again for a duplicate, and the
 * shopping list items read back show the effect happened once.
 */
class DepotCommandsTest {

    private final DepotTestbed depot = new DepotTestbed();

    // ---------------------------------------------------------------- CreateShoppingList

    @Test
    void createShoppingListBuildsAPendingListFromTheCachesAndRepliesWithItsId() {
        String orderId = UUID.randomUUID().toString();
        String shop = depot.store("Corner Shop", "Level 1, east");
        String bakery = depot.store("Bakery", "Level 2, west");
        String apple = depot.product(shop, "Apple");
        String pear = depot.product(shop, "Pear");
        String bread = depot.product(bakery, "Bread");
        Message<CreateShoppingListCommand> command = createShoppingList(orderId, List.of(
                new CreateShoppingListCommand.Item(apple, shop, 2),
                new CreateShoppingListCommand.Item(bread, bakery, 1),
                new CreateShoppingListCommand.Item(pear, shop, 1),
                new CreateShoppingListCommand.Item(apple, shop, 3)));

        depot.deliverOk(command);

        Message<?> reply = onlyReply(DepotMessages.CREATE_SHOPPING_LIST_REPLY);
        assertRepliesTo(reply, command, Outcome.SUCCESS);
        String listId = ((CreateShoppingListReply) reply.data()).shoppingListId();
        assertThat(UUID.fromString(listId)).isNotNull();
        assertThat(depot.list(listId)).isEqualTo(new ShoppingList(listId, orderId, List.of(
                new ShoppingList.Stop(shop, "Corner Shop", "Level 1, east", List.of(
                        new ShoppingList.Item(apple, "Apple", 5), new ShoppingList.Item(pear, "Pear", 1))),
                new ShoppingList.Stop(bakery, "Bakery", "Level 2, west", List.of(
                        new ShoppingList.Item(bread, "Bread", 1)))),
                null, ShoppingListStatus.PENDING));
        Map<String, AttributeValue> item = depot.item("shopping#" + listId).orElseThrow();
        assertThat(item.get("orderId").s()).isEqualTo(orderId);
        assertThat(item.get("version").n()).isEqualTo("1");
        // a pending list is not news for anyone: only the reply went out
        assertThat(depot.published()).hasSize(1);
    }

    @Test
    void anUnknownStoreIsAFailureWithTheReasonAndNoList() {
        String shop = depot.store("Corner Shop", "Level 1, east");
        String apple = depot.product(shop, "Apple");
        String unknownStore = UUID.randomUUID().toString();

        assertRefused(createShoppingList(UUID.randomUUID().toString(), List.of(
                new CreateShoppingListCommand.Item(apple, shop, 1), new CreateShoppingListCommand.Item(apple, unknownStore, 1))),
                "store " + unknownStore + " is unknown");
    }

    @Test
    void anUnknownProductIsAFailureWithTheReasonAndNoList() {
        String shop = depot.store("Corner Shop", "Level 1, east");
        String unknown = UUID.randomUUID().toString();

        assertRefused(createShoppingList(UUID.randomUUID().toString(),
                List.of(new CreateShoppingListCommand.Item(unknown, shop, 1))), "product " + unknown + " is unknown");
    }

    @Test
    void aRemovedProductIsAFailureWithTheReasonAndNoList() {
        String shop = depot.store("Corner Shop", "Level 1, east");
        String apple = depot.product(shop, "Apple");
        depot.deliverOk(productRemoved(apple, 2));

        assertRefused(createShoppingList(UUID.randomUUID().toString(),
                List.of(new CreateShoppingListCommand.Item(apple, shop, 1))), "product " + apple + " was removed");
    }

    @Test
    void aProductOfAnotherStoreIsAFailureWithTheReasonAndNoList() {
        String shop = depot.store("Corner Shop", "Level 1, east");
        String bakery = depot.store("Bakery", "Level 2, west");
        String bread = depot.product(bakery, "Bread");

        assertRefused(createShoppingList(UUID.randomUUID().toString(),
                List.of(new CreateShoppingListCommand.Item(bread, shop, 1))),
                "product " + bread + " is not sold by store " + shop);
    }

    @Test
    void theSameCreateTwiceGetsTheSameReplyAndMakesOneList() {
        String shop = depot.store("Corner Shop", "Level 1, east");
        String apple = depot.product(shop, "Apple");
        Message<CreateShoppingListCommand> command = createShoppingList(UUID.randomUUID().toString(),
                List.of(new CreateShoppingListCommand.Item(apple, shop, 1)));
        String body = EventBridgeEvents.of(command, DepotTestbed.INBOUND);
        SqsEvents.send(depot.sqs, depot.queueUrl, body);
        SQSEvent first = SqsEvents.receive(depot.sqs, depot.queueUrl, 1);
        assertThat(depot.events.handleRequest(first, null).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> afterFirst = depot.allItems();

        // SQS delivers it again (the visibility timeout ran out), and EventBridge sent it twice
        SqsEvents.release(depot.sqs, depot.queueUrl, first);
        SqsEvents.send(depot.sqs, depot.queueUrl, body);
        SQSEvent again = SqsEvents.receive(depot.sqs, depot.queueUrl, 2);
        assertThat(depot.events.handleRequest(again, null).getBatchItemFailures()).isEmpty();

        List<OutboundEvent> replies = depot.bus.published();
        assertThat(replies).hasSize(3).allSatisfy(reply -> assertThat(reply).isEqualTo(replies.getFirst()));
        assertThat(depot.allItems()).isEqualTo(afterFirst);
    }

    @Test
    void aCreateDecidedAgainAfterItsReplyWasLostFindsTheListItMadeWhateverTheCachesSayNow() {
        String shop = depot.store("Corner Shop", "Level 1, east");
        String apple = depot.product(shop, "Apple");
        Message<CreateShoppingListCommand> command = createShoppingList(UUID.randomUUID().toString(),
                List.of(new CreateShoppingListCommand.Item(apple, shop, 1)));
        depot.deliverOk(command);
        String listId = ((CreateShoppingListReply) depot.published().getLast().data()).shoppingListId();
        // a crash after the list was written but before the reply was stored: only the list remains
        depot.dynamo.deleteItem(b -> b.tableName(depot.tableName)
                .key(Map.of("pk", AttributeValue.fromS("command#" + command.messageId()))));
        depot.deliverOk(productRemoved(apple, 2));

        depot.deliverOk(command);

        Message<?> reply = depot.published().getLast();
        assertRepliesTo(reply, command, Outcome.SUCCESS);
        assertThat(((CreateShoppingListReply) reply.data()).shoppingListId()).isEqualTo(listId);
        assertThat(reply.messageId()).isEqualTo(SagaReplies.replyId(command));
        assertThat(depot.allItems()).filteredOn(item -> item.get("pk").s().startsWith("shopping#")).hasSize(1);
    }

    // ---------------------------------------------------------------- InitiateShopping

    @Test
    void initiateShoppingMakesAPendingListAvailableOnce() {
        String listId = depot.pendingList(UUID.randomUUID().toString());
        Message<?> command = initiateShopping(listId);

        depot.deliverOk(command);
        depot.deliverOk(command);

        List<Message<?>> replies = depot.published(DepotMessages.INITIATE_SHOPPING_REPLY);
        assertThat(replies).hasSize(2);
        assertRepliesTo(replies.get(0), command, Outcome.SUCCESS);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.AVAILABLE);
        assertThat(depot.item("shopping#" + listId).orElseThrow().get("version").n()).isEqualTo("2");
        assertThat(depot.applied("shopping#" + listId)).containsExactly(command.messageId());
    }

    @Test
    void initiatingACanceledListFailsWithTheReason() {
        String listId = depot.pendingList(UUID.randomUUID().toString());
        depot.deliverOk(cancelShoppingList(listId));
        Message<?> command = initiateShopping(listId);

        depot.deliverOk(command);

        Message<?> reply = depot.published().getLast();
        assertRepliesTo(reply, command, Outcome.FAILURE);
        assertThat(reply.metadata().reason())
                .isEqualTo("shopping list " + listId + " is canceled, not pending: it cannot be made available");
        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.CANCELED);
    }

    @Test
    void initiatingAnUnknownListFailsWithTheReason() {
        String listId = UUID.randomUUID().toString();
        Message<?> command = initiateShopping(listId);

        depot.deliverOk(command);

        Message<?> reply = onlyReply(DepotMessages.INITIATE_SHOPPING_REPLY);
        assertRepliesTo(reply, command, Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo("shopping list " + listId + " not found");
        assertThat(depot.item("shopping#" + listId)).isEmpty();
    }

    // ---------------------------------------------------------------- CancelShoppingList

    @Test
    void cancelShoppingListCancelsAndAnnouncesItOnceAndAgainIsStillASuccess() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.availableList(orderId);
        Message<?> command = cancelShoppingList(listId);

        depot.deliverOk(command);
        depot.deliverOk(command);
        Message<?> later = cancelShoppingList(listId);
        depot.deliverOk(later);

        List<Message<?>> replies = depot.published(DepotMessages.CANCEL_SHOPPING_LIST_REPLY);
        assertThat(replies).hasSize(3);
        assertRepliesTo(replies.get(0), command, Outcome.SUCCESS);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertRepliesTo(replies.get(2), later, Outcome.SUCCESS);
        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.CANCELED);
        List<Message<?>> canceled = depot.published(DepotMessages.SHOPPING_LIST_CANCELED);
        assertThat(canceled).hasSize(1);
        assertThat(canceled.getFirst().data()).isEqualTo(new ShoppingListCanceled(listId, orderId));
        Metadata metadata = canceled.getFirst().metadata();
        assertThat(metadata.aggregateId()).isEqualTo(listId);
        assertThat(metadata.aggregateVersion()).isEqualTo(3);
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        // an event, not a reply: it does not go back to the saga
        assertThat(metadata.sagaId()).isNull();
        assertThat(metadata.replyTo()).isNull();
    }

    @Test
    void cancelingACompletedListFailsWithTheReasonAndChangesNothing() {
        String listId = depot.availableList(UUID.randomUUID().toString());
        assertThat(depot.assign(listId, "{\"botId\": \"bot-7\"}").status()).isEqualTo(200);
        assertThat(depot.complete(listId).status()).isEqualTo(200);
        List<Map<String, AttributeValue>> before = depot.allItems();
        Message<?> command = cancelShoppingList(listId);

        depot.deliverOk(command);

        Message<?> reply = onlyReply(DepotMessages.CANCEL_SHOPPING_LIST_REPLY);
        assertRepliesTo(reply, command, Outcome.FAILURE);
        assertThat(reply.metadata().reason())
                .isEqualTo("shopping list " + listId + " is completed: it cannot be canceled");
        assertThat(depot.item("shopping#" + listId)).contains(before.stream()
                .filter(item -> item.get("pk").s().equals("shopping#" + listId)).findFirst().orElseThrow());
    }

    @Test
    void aCommandWithoutSagaFieldsFailsItsRecordAndIsNotAnswered() {
        Message<?> noSaga = CosecMessages.INITIATE_SHOPPING.create(
                new mallbots.messages.cosec.InitiateShoppingCommand(UUID.randomUUID().toString()));

        // its schema refuses it too, so it cannot come from the saga; sent as it is
        var response = depot.deliverBodies(List.of(EventBridgeEvents.of(noSaga, DepotTestbed.INBOUND)));

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(depot.published()).isEmpty();
        assertThat(depot.item("command#" + noSaga.messageId())).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefused(Message<CreateShoppingListCommand> command, String reason) {
        List<Map<String, AttributeValue>> before = depot.allItems();

        depot.deliverOk(command);

        Message<?> reply = onlyReply(DepotMessages.CREATE_SHOPPING_LIST_REPLY);
        assertRepliesTo(reply, command, Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo(reason);
        assertThat(reply.data()).isEqualTo(new CreateShoppingListReply(null));
        // only the answered command is new: no list
        assertThat(depot.allItems()).hasSize(before.size() + 1)
                .filteredOn(item -> item.get("pk").s().startsWith("shopping#")).isEmpty();
    }

    private Message<?> onlyReply(MessageType<?> type) {
        List<Message<?>> replies = depot.published(type);
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private static void assertRepliesTo(Message<?> reply, Message<?> command, Outcome outcome) {
        Metadata metadata = reply.metadata();
        assertThat(reply.source()).isEqualTo("mallbots.depot");
        assertThat(reply.detailType()).isEqualTo(command.detailType() + "Reply");
        assertThat(metadata.outcome()).isEqualTo(outcome);
        assertThat(metadata.reason() == null).isEqualTo(outcome == Outcome.SUCCESS);
        assertThat(metadata.messageId()).isEqualTo(SagaReplies.replyId(command));
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        assertThat(metadata.sagaId()).isEqualTo(command.metadata().sagaId());
        assertThat(metadata.sagaName()).isEqualTo(DepotTestbed.SAGA);
        assertThat(metadata.replyTo()).isEqualTo("mallbots.cosec");
    }
}
