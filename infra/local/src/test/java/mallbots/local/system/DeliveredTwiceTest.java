package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mallbots.local.Drained;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The happy path of an order with every message delivered twice to every consumer: the same
 * end state, and no message published twice under different ids (a consumer that did its work
 * twice would announce it twice).
 */
class DeliveredTwiceTest {

    private static SystemCloud system;
    private static String everything;

    @BeforeAll
    static void start() {
        // delivering twice is a setting of our own EventBridge, which an external endpoint lacks
        Assumptions.assumeTrue(SystemEndpoint.embedded(), "runs on the local cloud's own endpoint only");
        system = SystemCloud.start(2);
        everything = system.watch("test-everything", "{\"source\":[{\"prefix\":\"mallbots.\"}]}");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void every_message_twice_gives_the_same_end_state_and_no_double_announcements() throws Exception {
        Mall mall = new Mall(system);
        Product bolt = mall.storeWithProduct("Bolt", "1.25");
        String customer = mall.customer("Ada");
        String order = mall.checkOut(customer, mall.payment(customer, "10.00"), Map.of(bolt, 4));

        JsonNode completed = mall.completeOrder(order);
        String list = completed.path("shoppingId").asText();
        Drained.await(system.local()); // the second copies of the last messages landed

        assertThat(completed.path("total").asText()).isEqualTo("5.00");
        assertThat(mall.shoppingList(list).path("status").asText()).isEqualTo("completed");
        assertThat(mall.invoiceBecomes(order, "paid").path("amount").asText()).isEqualTo("5.00");
        assertThat(mall.notificationsOnceThereAre(customer, 3)).as("each notification once")
                .containsExactly("ORDER_COMPLETED", "ORDER_READIED", "ORDER_CREATED");

        Map<String, Set<String>> idsByMeaning = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (List<JsonNode> batch = system.receive(everything); !batch.isEmpty(); batch = system.receive(everything)) {
            for (JsonNode event : batch) {
                JsonNode metadata = event.path("detail").path("metadata");
                String meaning = event.path("detail-type").asText() + " "
                        + (metadata.has("aggregateId")
                        ? metadata.path("aggregateId").asText() + "@" + metadata.path("aggregateVersion").asText()
                        : "caused by " + metadata.path("causationId").asText());
                idsByMeaning.computeIfAbsent(meaning, key -> new HashSet<>()).add(metadata.path("messageId").asText());
                seen.add(event.path("detail-type").asText());
            }
        }
        assertThat(seen).contains("OrderCreated", "AuthorizeCustomer", "CreateShoppingListReply", "ConfirmPayment",
                "OrderApproved", "ShoppingListCompleted", "OrderReadied", "InvoiceCreated", "InvoicePaid", "OrderCompleted");
        assertThat(idsByMeaning).allSatisfy((meaning, ids) ->
                assertThat(ids).as("message ids of %s", meaning).hasSize(1));
    }
}
