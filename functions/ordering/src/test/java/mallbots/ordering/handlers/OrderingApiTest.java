package mallbots.ordering.handlers;

import static mallbots.ordering.handlers.OrderingTestbed.invoicePaid;
import static mallbots.ordering.handlers.OrderingTestbed.newId;
import static mallbots.ordering.handlers.OrderingTestbed.reject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.ordering.handlers.OrderingTestbed.Response;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.ApiGatewayEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ordering routes through OrderingApiFunction, with real API Gateway events, on dynalite. */
class OrderingApiTest {

    private OrderingTestbed ordering;

    @BeforeEach
    void setUp() {
        ordering = new OrderingTestbed();
    }

    @Test
    void getAnswersTheOrderView() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);

        Response response = ordering.get(orderId);

        assertThat(response.status()).isEqualTo(200);
        JsonNode order = response.json();
        assertThat(order.properties()).extracting(Map.Entry::getKey).containsExactly(
                "id", "customerId", "paymentId", "shoppingId", "items", "total", "status", "createdAt", "updatedAt",
                "statusTimes");
        assertThat(order.get("id").asText()).isEqualTo(orderId);
        assertThat(order.get("shoppingId").asText()).isEqualTo(shoppingId);
        assertThat(order.get("status").asText()).isEqualTo("approved");
        assertThat(order.get("total").isTextual()).isTrue();
        assertThat(order.get("total").asText()).isEqualTo("6.30");
        assertThat(order.get("items").get(1).properties()).extracting(Map.Entry::getKey).containsExactly(
                "productId", "storeId", "storeName", "productName", "price", "quantity");
        assertThat(order.get("items").get(1).get("price").asText()).isEqualTo("0.90");
        // the times the order recorded as it changed, ISO-8601 to the millisecond
        assertThat(order.get("statusTimes").properties()).extracting(Map.Entry::getKey)
                .containsExactly("pending", "approved");
        Instant created = Instant.parse(order.get("createdAt").asText());
        Instant approved = Instant.parse(order.get("statusTimes").get("approved").asText());
        assertThat(order.get("statusTimes").get("pending").asText()).isEqualTo(order.get("createdAt").asText());
        assertThat(order.get("updatedAt").asText()).isEqualTo(order.get("statusTimes").get("approved").asText());
        assertThat(approved).isAfterOrEqualTo(created).isBefore(Instant.now().plusSeconds(1));
        assertThat(created).isAfter(Instant.now().minusSeconds(120));
        assertThat(created.getNano() % 1_000_000).isZero();
    }

    @Test
    void cancelingAPendingOrderAnswersTheCanceledOrderAndAnnouncesItWithoutAShoppingList() {
        String orderId = ordering.pendingOrder();

        Response response = ordering.cancel(orderId);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("canceled");
        assertThat(response.json()).isEqualTo(ordering.get(orderId).json());
        List<Message<?>> canceled = ordering.published(OrderingMessages.ORDER_CANCELED);
        assertThat(canceled).hasSize(1);
        OrderCanceled data = (OrderCanceled) canceled.getFirst().data();
        assertThat(data.orderId()).isEqualTo(orderId);
        assertThat(data.customerId()).isEqualTo(response.json().get("customerId").asText());
        assertThat(data.paymentId()).isEqualTo(response.json().get("paymentId").asText());
        assertThat(data.shoppingId()).isNull();
        Metadata metadata = canceled.getFirst().metadata();
        assertThat(metadata.aggregateId()).isEqualTo(orderId);
        assertThat(metadata.aggregateVersion()).isEqualTo(2L);
        // the customer's request starts a flow of its own
        assertThat(metadata.correlationId()).isEqualTo(metadata.messageId());
        assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderCanceled");
    }

    @Test
    void cancelingAnApprovedOrderAnnouncesItsShoppingList() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);

        Response response = ordering.cancel(orderId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("canceled");
        assertThat(response.json().get("shoppingId").asText()).isEqualTo(shoppingId);
        List<Message<?>> canceled = ordering.published(OrderingMessages.ORDER_CANCELED);
        assertThat(canceled).hasSize(1);
        assertThat(((OrderCanceled) canceled.getFirst().data()).shoppingId()).isEqualTo(shoppingId);
        assertThat(canceled.getFirst().metadata().aggregateVersion()).isEqualTo(3L);
    }

    @Test
    void anOrderThatIsNeitherPendingNorApprovedCannotBeCanceled() {
        String canceled = ordering.pendingOrder();
        assertThat(ordering.cancel(canceled).status()).isEqualTo(200);
        String rejected = ordering.pendingOrder();
        assertThat(ordering.deliver(reject(rejected)).getBatchItemFailures()).isEmpty();
        String ready = ordering.readyOrder(newId());
        String completed = ordering.readyOrder(newId());
        assertThat(ordering.deliver(invoicePaid(completed, completed, "6.30")).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> before = ordering.allItems();
        int published = ordering.published().size();

        for (var order : Map.of(canceled, "canceled", rejected, "rejected", ready, "ready",
                completed, "completed").entrySet()) {
            Response response = ordering.cancel(order.getKey());

            assertThat(response.status()).as(order.getValue()).isEqualTo(409);
            assertThat(response.message()).isEqualTo("order " + order.getKey() + " is " + order.getValue());
        }
        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.published()).hasSize(published);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        String unknown = newId();

        Response read = ordering.get(unknown);
        Response cancel = ordering.cancel(unknown);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.message()).isEqualTo("order " + unknown + " not found");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.message()).isEqualTo("order " + unknown + " not found");
        assertThat(ordering.allItems()).isEmpty();
        assertThat(ordering.published()).isEmpty();
    }

    @Test
    void anotherCustomersOrderIsNotFoundAndStaysAsItIs() {
        String orderId = ordering.pendingOrder();
        List<Map<String, AttributeValue>> before = ordering.allItems();

        for (String route : List.of(OrderingRoutes.GET, OrderingRoutes.CANCEL)) {
            var response = ordering.api.handleRequest(mallbots.platform.testing.ApiGatewayEvents.route(route)
                    .path("/api/ordering/" + orderId).caller(newId(), "mallbots/customer").build(), null);
            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(response.getBody()).contains("order " + orderId + " not found");
        }
        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.status(orderId)).isEqualTo("pending");
    }

    @Test
    void anIdThatIsNotAUuidIsABadRequest() {
        String orderId = ordering.pendingOrder();
        List<Map<String, AttributeValue>> before = ordering.allItems();

        for (String id : List.of("42", "not-an-order", "1-2-3-4-5", orderId + "0")) {
            for (Response response : List.of(ordering.get(id), ordering.cancel(id))) {
                assertThat(response.status()).as(id).isEqualTo(400);
                assertThat(response.message()).as(id).isEqualTo("id: must be a UUID, was \"" + id + "\"");
            }
        }
        for (Response blank : List.of(ordering.get("%20"), ordering.cancel("%20"))) {
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.message()).isEqualTo("id: must not be blank");
        }
        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.status(orderId)).isEqualTo("pending");
    }

    @Test
    void aBodyOnCancelIsIgnoredAndOtherMethodsOrPathsAreRefused() {
        String orderId = ordering.pendingOrder();

        var withBody = ordering.api.handleRequest(ApiGatewayEvents.route(OrderingRoutes.CANCEL)
                .path("/api/ordering/" + orderId).caller(ordering.customerOf(orderId), "mallbots/customer")
                .json("{\"reason\": \"changed my mind\"}").build(), null);
        var put = ordering.api.handleRequest(
                ApiGatewayEvents.defaultRoute("PUT", "/api/ordering/" + orderId).json("{}").build(), null);
        var deeper = ordering.api.handleRequest(
                ApiGatewayEvents.defaultRoute("GET", "/api/ordering/" + orderId + "/items").build(), null);

        assertThat(withBody.getStatusCode()).isEqualTo(200);
        assertThat(put.getStatusCode()).isEqualTo(405);
        assertThat(deeper.getStatusCode()).isEqualTo(404);
        assertThat(ordering.status(orderId)).isEqualTo("canceled");
    }
}
