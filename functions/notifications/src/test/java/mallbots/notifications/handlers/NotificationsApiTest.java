package mallbots.notifications.handlers;

import static mallbots.notifications.handlers.NotificationsTestbed.newId;
import static mallbots.notifications.handlers.NotificationsTestbed.orderCompleted;
import static mallbots.notifications.handlers.NotificationsTestbed.orderCreated;
import static mallbots.notifications.handlers.NotificationsTestbed.orderReadied;
import static mallbots.notifications.handlers.NotificationsTestbed.registered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.messaging.Message;
import org.junit.jupiter.api.Test;

/** GET /api/notifications?customerId=... through the API function. */
class NotificationsApiTest {

    private final NotificationsTestbed notifications = new NotificationsTestbed();
    private final String customerId = newId();
    private final String orderId = newId();

    @Test
    void listsTheCustomersNotificationsNewestFirst() {
        String other = newId();
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"),
                registered(other, "Grace Hopper", "+15555550777"));
        Message<?> created = orderCreated(orderId, customerId);
        Message<?> readied = orderReadied(orderId, customerId);
        Message<?> completed = orderCompleted(orderId, customerId);
        notifications.deliverOk(created);
        notifications.deliverOk(orderCreated(newId(), other));
        notifications.deliverOk(readied);
        notifications.deliverOk(completed);

        NotificationsTestbed.Response response = notifications.listOf(customerId);

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json().get("notifications");
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).containsExactly(NotificationsTestbed.idOf(completed), NotificationsTestbed.idOf(readied), NotificationsTestbed.idOf(created));
        JsonNode newest = list.get(0);
        assertThat(fieldNames(newest)).containsExactly("id", "customerId", "smsNumber", "kind", "orderId", "text",
                "sentAt", "status");
        assertThat(newest.get("customerId").asText()).isEqualTo(customerId);
        assertThat(newest.get("smsNumber").asText()).isEqualTo("+15555550123");
        assertThat(newest.get("kind").asText()).isEqualTo("ORDER_COMPLETED");
        assertThat(newest.get("orderId").asText()).isEqualTo(orderId);
        assertThat(newest.get("text").asText()).startsWith("Hi Ada Lovelace, your order " + orderId + " is complete.");
        assertThat(newest.get("status").asText()).isEqualTo("SENT");
        assertThat(newest.get("sentAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z")
                .isGreaterThan(list.get(1).get("sentAt").asText());
    }

    @Test
    void aCustomerNeverNotifiedHasAnEmptyList() {
        NotificationsTestbed.Response response = notifications.listOf(newId());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("notifications").isArray()).isTrue();
        assertThat(response.json().get("notifications")).isEmpty();
    }

    @Test
    void anUppercaseUuidFindsTheSameNotifications() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"),
                orderCreated(orderId, customerId));

        assertThat(notifications.listOf(customerId.toUpperCase()).json().get("notifications")).hasSize(1);
    }

    @Test
    void withoutACustomerIdTheCallerGetsTheirOwnAndAnotherCustomersIdIsNotFound() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"),
                orderCreated(orderId, customerId));

        for (String query : List.of("/api/notifications", "/api/notifications?customerId=",
                "/api/notifications?customerId=%20", "/api/notifications?other=x")) {
            NotificationsTestbed.Response own = notifications.list(query, customerId);
            assertThat(own.status()).as(query).isEqualTo(200);
            assertThat(own.json().get("notifications")).as(query).hasSize(1);
        }
        for (String other : List.of(newId(), "ada", "1-2-3-4-5")) {
            NotificationsTestbed.Response response = notifications.list("/api/notifications?customerId=" + other, newId());
            assertThat(response.status()).as(other).isEqualTo(404);
            assertThat(response.message()).as(other).isEqualTo("customer " + other + " not found");
        }
        NotificationsTestbed.Response anothers = notifications.list("/api/notifications?customerId=" + customerId, newId());
        assertThat(anothers.status()).isEqualTo(404);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
