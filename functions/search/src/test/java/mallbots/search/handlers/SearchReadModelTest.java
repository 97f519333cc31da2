package mallbots.search.handlers;

import static mallbots.search.handlers.SearchTestbed.customerRegistered;
import static mallbots.search.handlers.SearchTestbed.id;
import static mallbots.search.handlers.SearchTestbed.orderApproved;
import static mallbots.search.handlers.SearchTestbed.orderCanceled;
import static mallbots.search.handlers.SearchTestbed.orderCompleted;
import static mallbots.search.handlers.SearchTestbed.orderCreated;
import static mallbots.search.handlers.SearchTestbed.orderReadied;
import static mallbots.search.handlers.SearchTestbed.orderRejected;
import static mallbots.search.handlers.SearchTestbed.productAdded;
import static mallbots.search.handlers.SearchTestbed.productRebranded;
import static mallbots.search.handlers.SearchTestbed.storeCreated;
import static mallbots.search.handlers.SearchTestbed.storeRebranded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import mallbots.messages.ordering.OrderApproved;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.search.handlers.SearchTestbed.Line;
import org.junit.jupiter.api.Test;

/** The orders read model and the name caches, from events delivered through SQS in any order and twice. */
class SearchReadModelTest {

    private final SearchTestbed search = new SearchTestbed();

    @Test
    void anOrderIsViewedWithItsItemsTotalStatusAndTheNamesOfTheCaches() {
        String orderId = id();
        String customerId = id();
        String storeId = id();
        String productId = id();
        Instant createdAt = Instant.parse("2026-11-27T08:00:00.123Z");
        search.deliverOk(customerRegistered(customerId, "Ada"), storeCreated(storeId, "Corner Shop"),
                productAdded(productId, storeId, "Apple"));
        search.deliverOk(orderCreated(orderId, customerId, createdAt, new Line(storeId, productId)));

        SearchTestbed.Response response = search.get(orderId);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode order = response.json();
        assertThat(order.get("orderId").asText()).isEqualTo(orderId);
        assertThat(order.get("customerId").asText()).isEqualTo(customerId);
        assertThat(order.get("customerName").asText()).isEqualTo("Ada");
        assertThat(order.get("status").asText()).isEqualTo("pending");
        assertThat(order.get("total").asText()).isEqualTo("5.00");
        assertThat(order.get("storeIds")).extracting(JsonNode::asText).containsExactly(storeId);
        assertThat(order.get("productIds")).extracting(JsonNode::asText).containsExactly(productId);
        assertThat(order.get("createdAt").asText()).isEqualTo("2026-11-27T08:00:00.123Z");
        assertThat(order.get("updatedAt").asText()).isEqualTo("2026-11-27T08:00:00.123Z");
        JsonNode item = order.get("items").get(0);
        assertThat(item.get("productId").asText()).isEqualTo(productId);
        assertThat(item.get("productName").asText()).isEqualTo("Apple");
        assertThat(item.get("storeId").asText()).isEqualTo(storeId);
        assertThat(item.get("storeName").asText()).isEqualTo("Corner Shop");
        assertThat(item.get("price").asText()).isEqualTo("2.50");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void namesThatArriveAfterTheOrderAreShownAndRebrandsInAnyOrderKeepTheNewest() {
        String orderId = id();
        String customerId = id();
        String storeId = id();
        String productId = id();
        search.deliverOk(orderCreated(orderId, customerId, Instant.now(), new Line(storeId, productId)));

        JsonNode before = search.get(orderId).json();
        assertThat(before.has("customerName")).isFalse();
        assertThat(before.get("items").get(0).get("storeName").asText()).isEqualTo("Store at checkout");

        // the rebrands come before the creations: the newest version wins anyway
        search.deliverOk(storeRebranded(storeId, "Corner Shop II", 2), productRebranded(productId, "Green Apple", 3));
        search.deliverOk(customerRegistered(customerId, "Ada"), storeCreated(storeId, "Corner Shop"),
                productAdded(productId, storeId, "Apple"));

        JsonNode after = search.get(orderId).json();
        assertThat(after.get("customerName").asText()).isEqualTo("Ada");
        assertThat(after.get("items").get(0).get("storeName").asText()).isEqualTo("Corner Shop II");
        assertThat(after.get("items").get(0).get("productName").asText()).isEqualTo("Green Apple");
    }

    @Test
    void everyOrderEventInAnyOrderAndTwiceEndsInTheNewestStatus() {
        Random random = new Random(7);
        for (int round = 0; round < 4; round++) {
            String orderId = id();
            String customerId = id();
            Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<Message<?>> events = new ArrayList<>(List.of(
                    orderCreated(orderId, customerId, createdAt, new Line(id(), id())),
                    orderApproved(orderId, customerId, 2),
                    orderReadied(orderId, customerId, 3),
                    orderCompleted(orderId, customerId, 4)));
            events.addAll(List.copyOf(events)); // each delivered twice
            Collections.shuffle(events, random);
            for (Message<?> event : events) {
                search.deliverOk(event); // one at a time: the order of processing is the shuffled one
            }

            JsonNode order = search.get(orderId).json();
            assertThat(order.get("status").asText()).as("round " + round).isEqualTo("completed");
            assertThat(order.get("createdAt").asText()).isEqualTo(createdAt.toString());
        }
    }

    @Test
    void aStaleEventChangesNothingAndADuplicateIsRecordedOnce() {
        String orderId = id();
        String customerId = id();
        var created = orderCreated(orderId, customerId, Instant.now(), new Line(id(), id()));
        var canceled = orderCanceled(orderId, customerId, 3);
        search.deliverOk(created, canceled);
        search.deliverOk(orderApproved(orderId, customerId, 2), canceled, created);

        assertThat(search.get(orderId).json().get("status").asText()).isEqualTo("canceled");
    }

    @Test
    void anEventBeforeOrderCreatedIsKeptAndTheOrderIsHiddenUntilCreated() {
        String orderId = id();
        String customerId = id();
        search.deliverOk(orderRejected(orderId, customerId, 2));

        SearchTestbed.Response hidden = search.get(orderId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.message()).contains(orderId);
        assertThat(search.search("{\"customerId\":\"" + customerId + "\"}").json().get("orders")).isEmpty();

        search.deliverOk(orderCreated(orderId, customerId, Instant.now(), new Line(id(), id())));

        assertThat(search.get(orderId).json().get("status").asText()).isEqualTo("rejected");
        assertThat(search.search("{\"customerId\":\"" + customerId + "\",\"status\":\"rejected\"}").json()
                .get("orders")).hasSize(1);
        assertThat(search.search("{\"status\":\"pending\",\"customerId\":\"" + customerId + "\"}").json()
                .get("orders")).isEmpty();
    }

    @Test
    void anOrderEventWithoutAnAggregateVersionFailsItsRecordAndChangesNothing() {
        String orderId = id();
        var unversioned = new Message<>(OrderingMessages.ORDER_APPROVED, Metadata.first(),
                new OrderApproved(orderId, id(), id(), id()));
        var fine = orderCreated(id(), id(), Instant.now(), new Line(id(), id()));

        var response = search.deliverBodies(List.of(EventBridgeEvents.of(unversioned, SearchTestbed.INBOUND),
                EventBridgeEvents.of(fine, SearchTestbed.INBOUND)));

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(search.allItems()).noneMatch(item -> item.get("pk").s().equals("order#" + orderId));
        assertThat(search.get(fine.data().orderId()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrderIs404() {
        SearchTestbed.Response response = search.get(id());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isNotBlank();
    }
}
