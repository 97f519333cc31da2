package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import mallbots.local.system.SystemCloud.Answer;

/**
 * A customer's and a bot's moves in the mall, through the HTTP API of a running system: what
 * the end-to-end tests are written in.
 */
final class Mall {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final SystemCloud system;

    Mall(SystemCloud system) {
        this.system = system;
    }

    record Product(String storeId, String id) {
    }

    /** A participating store with one product at the given price. */
    Product storeWithProduct(String productName, String price) {
        String store = created(system.call("POST", "/api/stores",
                SystemCloud.json(Map.of("name", "Store of " + productName, "location", "Level 2"))));
        assertThat(system.call("PUT", "/api/stores/" + store + "/participating", null).status()).isEqualTo(200);
        String product = created(system.call("POST", "/api/stores/" + store + "/products", SystemCloud.json(Map.of(
                "name", productName, "description", "", "sku", "SKU-" + productName, "price", price))));
        return new Product(store, product);
    }

    String customer(String name) {
        return created(system.call("POST", "/api/customers",
                SystemCloud.json(Map.of("name", name, "smsNumber", "+15550100000"))));
    }

    String payment(String customerId, String amount) {
        return created(system.call("POST", "/api/payments",
                SystemCloud.json(Map.of("customerId", customerId, "amount", amount))));
    }

    /** Starts a basket, adds the products once the baskets' cache knows them, checks out: the order's id. */
    String checkOut(String customerId, String paymentId, Map<Product, Integer> items) {
        String basket = created(system.call("POST", "/api/baskets",
                SystemCloud.json(Map.of("customerId", customerId))));
        items.forEach((product, quantity) -> eventually("product " + product.id() + " in the baskets' cache",
                () -> system.call("PUT", "/api/baskets/" + basket + "/addItem",
                        SystemCloud.json(Map.of("productId", product.id(), "quantity", quantity))),
                answer -> answer.status() == 200));
        Answer checkedOut = system.call("PUT", "/api/baskets/" + basket + "/checkout",
                SystemCloud.json(Map.of("paymentId", paymentId)));
        assertThat(checkedOut.status()).as("checkout: %s", checkedOut.body()).isEqualTo(200);
        return basket;
    }

    JsonNode order(String orderId) {
        return system.call("GET", "/api/ordering/" + orderId, null).body();
    }

    /** Waits until the order exists and has the status. */
    JsonNode orderBecomes(String orderId, String status) {
        return eventually("order " + orderId + " " + status,
                () -> system.call("GET", "/api/ordering/" + orderId, null),
                answer -> answer.status() == 200 && status.equals(answer.body().path("status").asText())).body();
    }

    JsonNode shoppingList(String listId) {
        return system.call("GET", "/api/depot/shopping/" + listId, null).body();
    }

    JsonNode shoppingListBecomes(String listId, String status) {
        return eventually("shopping list " + listId + " " + status,
                () -> system.call("GET", "/api/depot/shopping/" + listId, null),
                answer -> answer.status() == 200 && status.equals(answer.body().path("status").asText())).body();
    }

    JsonNode invoiceBecomes(String invoiceId, String status) {
        return eventually("invoice " + invoiceId + " " + status,
                () -> system.call("GET", "/api/payments/invoices/" + invoiceId, null),
                answer -> answer.status() == 200 && status.equals(answer.body().path("status").asText())).body();
    }

    /**
     * Takes a checked-out order to the end of its lifecycle as its actors would: once it is approved,
     * a bot takes its shopping list and completes it, the customer pays the invoice; returns the
     * completed order.
     */
    JsonNode completeOrder(String orderId) {
        String list = orderBecomes(orderId, "approved").path("shoppingId").asText();
        shoppingListBecomes(list, "available");
        assertThat(call("PUT", "/api/depot/shopping/" + list + "/assign", Map.of("botId", newId())).status())
                .isEqualTo(200);
        assertThat(call("PUT", "/api/depot/shopping/" + list + "/complete", null).status()).isEqualTo(200);
        invoiceBecomes(orderId, "pending");
        assertThat(call("PUT", "/api/payments/invoices/" + orderId + "/pay", null).status()).isEqualTo(200);
        return orderBecomes(orderId, "completed");
    }

    /** The kinds of the notifications sent to a customer, newest first, once there are {@code count}. */
    java.util.List<String> notificationsOnceThereAre(String customerId, int count) {
        JsonNode list = eventually(count + " notifications for " + customerId,
                () -> system.call("GET", "/api/notifications?customerId=" + customerId, null),
                answer -> answer.status() == 200 && answer.body().path("notifications").size() >= count)
                .body().path("notifications");
        java.util.List<String> kinds = new java.util.ArrayList<>();
        list.forEach(notification -> kinds.add(notification.path("kind").asText()));
        return kinds;
    }

    /** The ids of the orders a search finds, reading every page of {@code pageSize}. */
    java.util.List<String> searchAll(Map<String, ?> filters, int pageSize) {
        java.util.List<String> found = new java.util.ArrayList<>();
        String next = null;
        do {
            Map<String, Object> query = new java.util.HashMap<>(filters);
            query.put("limit", pageSize);
            if (next != null) {
                query.put("next", next);
            }
            Answer page = system.call("POST", "/api/search/orders", SystemCloud.json(query));
            assertThat(page.status()).as("search %s: %s", query, page.body()).isEqualTo(200);
            page.body().path("orders").forEach(order -> found.add(order.path("orderId").asText()));
            next = page.body().hasNonNull("next") ? page.body().path("next").asText() : null;
        } while (next != null);
        return found;
    }

    Answer call(String method, String path, Map<String, ?> body) {
        return system.call(method, path, body == null ? null : SystemCloud.json(body));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as("create: %s", answer.body()).isEqualTo(201);
        return answer.id();
    }

    static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        return await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(probe::get, done);
    }
}
