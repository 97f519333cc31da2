package mallbots.depot.handlers;

import static mallbots.depot.handlers.DepotTestbed.orderCanceled;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.depot.domain.ShoppingListStatus;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.ShoppingListCanceled;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** OrderCanceled from ordering through the queue: the order's shopping list is canceled once, if it can be. */
class DepotOrderCanceledTest {

    private final DepotTestbed depot = new DepotTestbed();

    @Test
    void theListNamedByShoppingIdIsCanceledAndAnnouncedOnceCausedByTheOrdersEvent() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.availableList(orderId);
        Message<OrderCanceled> canceled = orderCanceled(orderId, listId);

        depot.deliverOk(canceled, canceled);
        depot.deliverOk(canceled);

        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.CANCELED);
        List<Message<?>> events = depot.published(DepotMessages.SHOPPING_LIST_CANCELED);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().data()).isEqualTo(new ShoppingListCanceled(listId, orderId));
        Metadata metadata = events.getFirst().metadata();
        assertThat(metadata.causationId()).isEqualTo(canceled.messageId());
        assertThat(metadata.correlationId()).isEqualTo(canceled.metadata().correlationId());
        assertThat(metadata.aggregateId()).isEqualTo(listId);
        assertThat(metadata.aggregateVersion()).isEqualTo(3);
        assertThat(depot.applied("shopping#" + listId)).endsWith(canceled.messageId());
    }

    @Test
    void withoutAShoppingIdTheOrdersListIsFoundByItsOrderId() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.pendingList(orderId);
        String otherList = depot.pendingList(UUID.randomUUID().toString());

        depot.deliverOk(orderCanceled(orderId, null));

        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.CANCELED);
        assertThat(depot.list(otherList).status()).isEqualTo(ShoppingListStatus.PENDING);
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_CANCELED)).<Object>extracting(Message::data)
                .containsExactly(new ShoppingListCanceled(listId, orderId));
    }

    @Test
    void aShoppingIdOfAnotherOrderIsNotTrustedAndTheOrderIdDecides() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.pendingList(orderId);
        String otherList = depot.pendingList(UUID.randomUUID().toString());

        depot.deliverOk(orderCanceled(orderId, otherList));

        assertThat(depot.list(otherList).status()).isEqualTo(ShoppingListStatus.PENDING);
        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.CANCELED);
    }

    @Test
    void aCompletedListStaysCompleted() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.availableList(orderId);
        depot.assign(listId, "{\"botId\": \"bot-1\"}");
        depot.complete(listId);
        Map<String, AttributeValue> before = depot.item("shopping#" + listId).orElseThrow();
        int published = depot.bus.published().size();

        depot.deliverOk(orderCanceled(orderId, listId));

        assertThat(depot.item("shopping#" + listId)).contains(before);
        assertThat(depot.bus.published()).hasSize(published);
    }

    @Test
    void anOrderWithoutAListIsNothingToDo() {
        String orderId = UUID.randomUUID().toString();

        depot.deliverOk(orderCanceled(orderId, null), orderCanceled(orderId, UUID.randomUUID().toString()));

        assertThat(depot.allItems()).isEmpty();
        assertThat(depot.published()).isEmpty();
    }
}
