package mallbots.depot.handlers;

import static mallbots.depot.handlers.DepotTestbed.cancelShoppingList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import mallbots.depot.domain.ShoppingListStatus;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.ShoppingListCanceled;
import mallbots.messages.depot.ShoppingListCompleted;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The bots' side of a shopping list through DepotApiFunction: real API Gateway events, items read back. */
class DepotApiTest {

    private final DepotTestbed depot = new DepotTestbed();

    @Test
    void getAnswersTheListView() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.pendingList(orderId);
        var list = depot.list(listId);
        var stop = list.stops().getFirst();

        DepotTestbed.Response response = depot.get(listId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(DepotTestbed.json("""
                {"id": "%s", "orderId": "%s", "status": "pending",
                 "stops": [{"storeId": "%s", "storeName": "Corner Shop", "storeLocation": "Level 1, east",
                            "items": [{"productId": "%s", "productName": "Apple", "quantity": 2}]}]}
                """.formatted(listId, orderId, stop.storeId(), stop.items().getFirst().productId())));
    }

    @Test
    void aBotAssignsItselfToAnAvailableListAndCompletesIt() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.availableList(orderId);
        String botId = UUID.randomUUID().toString();

        DepotTestbed.Response assigned = depot.assign(listId, "{\"botId\": \"" + botId + "\"}");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("status").asText()).isEqualTo("assigned");
        assertThat(assigned.json().get("assignedBotId").asText()).isEqualTo(botId);
        assertThat(depot.list(listId).assignedBotId()).isEqualTo(botId);
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_COMPLETED)).isEmpty();

        DepotTestbed.Response completed = depot.complete(listId);

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("status").asText()).isEqualTo("completed");
        assertThat(completed.json().get("assignedBotId").asText()).isEqualTo(botId);
        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.COMPLETED);
        List<Message<?>> events = depot.published(DepotMessages.SHOPPING_LIST_COMPLETED);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().data()).isEqualTo(new ShoppingListCompleted(listId, orderId));
        Metadata metadata = events.getFirst().metadata();
        assertThat(metadata.aggregateId()).isEqualTo(listId);
        // 1 created, 2 available, 3 assigned, 4 completed
        assertThat(metadata.aggregateVersion()).isEqualTo(4);
        assertThat(metadata.causationId()).isEqualTo(metadata.messageId());
        assertThat(depot.item("shopping#" + listId).orElseThrow().get("outbox").m()).isEmpty();
        assertThat(depot.get(listId).json().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void onlyAnAvailableListCanBeAssignedAndOnlyAnAssignedOneCompleted() {
        String pending = depot.pendingList(UUID.randomUUID().toString());
        assertConflict(() -> depot.assign(pending, "{\"botId\": \"bot-1\"}"), pending,
                "shopping list " + pending + " is pending, not available: it cannot be assigned");
        assertConflict(() -> depot.complete(pending), pending,
                "shopping list " + pending + " is pending, not assigned: it cannot be completed");

        String available = depot.availableList(UUID.randomUUID().toString());
        assertConflict(() -> depot.complete(available), available,
                "shopping list " + available + " is available, not assigned: it cannot be completed");
        assertThat(depot.assign(available, "{\"botId\": \"bot-1\"}").status()).isEqualTo(200);
        assertConflict(() -> depot.assign(available, "{\"botId\": \"bot-2\"}"), available,
                "shopping list " + available + " is assigned, not available: it cannot be assigned");
        assertThat(depot.list(available).assignedBotId()).isEqualTo("bot-1");
        assertThat(depot.complete(available).status()).isEqualTo(200);
        assertConflict(() -> depot.complete(available), available,
                "shopping list " + available + " is completed, not assigned: it cannot be completed");
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_COMPLETED)).hasSize(1);
    }

    @Test
    void deleteCancelsAListAndAnnouncesIt() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.availableList(orderId);
        depot.assign(listId, "{\"botId\": \"bot-1\"}");

        DepotTestbed.Response canceled = depot.cancel(listId);

        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.json().get("status").asText()).isEqualTo("canceled");
        assertThat(depot.list(listId).status()).isEqualTo(ShoppingListStatus.CANCELED);
        List<Message<?>> events = depot.published(DepotMessages.SHOPPING_LIST_CANCELED);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().data()).isEqualTo(new ShoppingListCanceled(listId, orderId));
        assertThat(events.getFirst().metadata().aggregateVersion()).isEqualTo(4);

        assertConflict(() -> depot.cancel(listId), listId,
                "shopping list " + listId + " is canceled: it cannot be canceled");
        assertConflict(() -> depot.assign(listId, "{\"botId\": \"bot-2\"}"), listId,
                "shopping list " + listId + " is canceled, not available: it cannot be assigned");
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_CANCELED)).hasSize(1);
    }

    @Test
    void aCompletedListCannotBeCanceled() {
        String listId = depot.availableList(UUID.randomUUID().toString());
        depot.assign(listId, "{\"botId\": \"bot-1\"}");
        depot.complete(listId);

        assertConflict(() -> depot.cancel(listId), listId,
                "shopping list " + listId + " is completed: it cannot be canceled");
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_CANCELED)).isEmpty();
    }

    @Test
    void anUnknownListIsNotFoundOnEveryRoute() {
        String unknown = UUID.randomUUID().toString();
        List<DepotTestbed.Response> answers = List.of(depot.get(unknown),
                depot.assign(unknown, "{\"botId\": \"bot-1\"}"), depot.complete(unknown), depot.cancel(unknown));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.message()).startsWith("shopping list ").endsWith(" not found");
        });
        // an id that is not a UUID is the same 400 in every context
        assertThat(depot.get("not-a-uuid").status()).isEqualTo(400);
        assertThat(depot.get("not-a-uuid").message()).isEqualTo("id: must be a UUID, was \"not-a-uuid\"");
        assertThat(depot.allItems()).isEmpty();
        assertThat(depot.published()).isEmpty();
    }

    @Test
    void aBadAssignBodyIsA400NamingTheFieldAndChangesNothing() {
        String listId = depot.availableList(UUID.randomUUID().toString());
        List<Map<String, AttributeValue>> before = depot.allItems();
        int published = depot.bus.published().size();
        Map<String, String> bodies = Map.of(
                "{\"botId\": ", "body: malformed JSON at line 1, column 11",
                "{}", "botId: is required",
                "{\"botId\": null}", "botId: is required",
                "{\"botId\": 7}", "botId: must be a string",
                "{\"botId\": \"   \"}", "botId is required",
                "{\"botId\": \"bot-1\", \"colour\": \"red\"}", "colour: unknown field",
                "[\"bot-1\"]", "body: must be a JSON object");

        bodies.forEach((body, message) -> {
            DepotTestbed.Response answer = depot.assign(listId, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.message()).as(body).isEqualTo(message);
        });
        DepotTestbed.Response noBody = depot.assign(listId, null);
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.message()).isEqualTo("body: is required");

        assertThat(depot.allItems()).isEqualTo(before);
        assertThat(depot.bus.published()).hasSize(published);
    }

    @Test
    void theSagasCancelAndTheClientsCancelAnnounceOnlyOnce() {
        String listId = depot.availableList(UUID.randomUUID().toString());
        depot.deliverOk(cancelShoppingList(listId));

        assertConflict(() -> depot.cancel(listId), listId, "shopping list " + listId + " is canceled: it cannot be canceled");
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_CANCELED)).hasSize(1);
    }

    private void assertConflict(Supplier<DepotTestbed.Response> request, String listId, String message) {
        Map<String, AttributeValue> before = depot.item("shopping#" + listId).orElseThrow();
        DepotTestbed.Response answer = request.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.message()).isEqualTo(message);
        JsonNode after = depot.get(listId).json();
        assertThat(after.get("id").asText()).isEqualTo(listId);
        assertThat(depot.item("shopping#" + listId)).contains(before);
    }
}
