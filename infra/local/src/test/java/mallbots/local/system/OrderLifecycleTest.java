package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import mallbots.local.Drained;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order lifecycle in the local cloud, driven only through the HTTP API: checkout, the
 * create-order saga, the bot, the invoice; and each way the saga can refuse an order.
 */
class OrderLifecycleTest {

    private static final SystemCloud SYSTEM = SystemCloud.shared();
    private static final Mall MALL = new Mall(SYSTEM);
    private static String depotReplies;

    @BeforeAll
    static void watchTheDepotsReplies() {
        depotReplies = SYSTEM.watch("test-depot-replies-" + UUID.randomUUID().toString().substring(0, 8),
                "{\"source\":[\"mallbots.depot\"],\"detail-type\":[\"CreateShoppingListReply\"]}");
    }

    @Test
    void an_order_goes_from_checkout_to_completed() {
        Product bolt = MALL.storeWithProduct("Bolt", "1.25");
        Product nut = MALL.storeWithProduct("Nut", "0.40");
        String customer = MALL.customer("Ada");
        String payment = MALL.payment(customer, "10.00");

        String order = MALL.checkOut(customer, payment, Map.of(bolt, 4, nut, 5));

        JsonNode approved = MALL.orderBecomes(order, "approved");
        assertThat(approved.path("total").asText()).isEqualTo("7.00");
        String list = approved.path("shoppingId").asText();
        JsonNode available = MALL.shoppingListBecomes(list, "available");
        assertThat(available.path("orderId").asText()).isEqualTo(order);
        assertThat(available.path("stops")).hasSize(2);

        String bot = Mall.newId();
        assertThat(MALL.call("PUT", "/api/depot/shopping/" + list + "/assign", Map.of("botId", bot)).status())
                .isEqualTo(200);
        assertThat(MALL.shoppingList(list).path("assignedBotId").asText()).isEqualTo(bot);
        assertThat(MALL.call("PUT", "/api/depot/shopping/" + list + "/complete", null).status()).isEqualTo(200);

        MALL.orderBecomes(order, "ready");
        JsonNode invoice = MALL.invoiceBecomes(order, "pending");
        assertThat(invoice.path("amount").asText()).isEqualTo("7.00");
        assertThat(MALL.call("PUT", "/api/payments/invoices/" + order + "/pay", null).status()).isEqualTo(200);

        JsonNode completed = MALL.orderBecomes(order, "completed");
        assertThat(completed.path("invoiceId").asText()).isEqualTo(order);
        assertThat(MALL.call("PUT", "/api/payments/invoices/" + order + "/pay", null).status())
                .as("an invoice is paid once").isEqualTo(409);
        assertThat(MALL.notificationsOnceThereAre(customer, 3))
                .containsExactly("ORDER_COMPLETED", "ORDER_READIED", "ORDER_CREATED");

        JsonNode found = Mall.eventually("the completed order in search",
                () -> MALL.call("GET", "/api/search/orders/" + order, null),
                answer -> answer.status() == 200 && "completed".equals(answer.body().path("status").asText())).body();
        assertThat(found.path("customerName").asText()).isEqualTo("Ada");
        assertThat(found.path("total").asText()).isEqualTo("7.00");
        java.util.List<String> names = new java.util.ArrayList<>();
        found.path("items").forEach(item -> names.add(item.path("productName").asText() + " at "
                + item.path("storeName").asText()));
        assertThat(names).containsExactlyInAnyOrder("Bolt at Store of Bolt", "Nut at Store of Nut");
        assertThat(MALL.searchAll(Map.of("customerId", customer), 10)).containsExactly(order);
        assertThat(MALL.searchAll(Map.of("storeIds", java.util.List.of(nut.storeId())), 10)).containsExactly(order);
        assertThat(MALL.searchAll(Map.of("productIds", java.util.List.of(bolt.id())), 10)).containsExactly(order);
        assertThat(MALL.searchAll(Map.of("status", "completed", "customerId", customer), 10)).containsExactly(order);
        assertThat(MALL.searchAll(Map.of("status", "canceled", "customerId", customer), 10)).isEmpty();
        java.util.List<String> everyOrder = MALL.searchAll(Map.of(), 2);
        assertThat(everyOrder).as("every order once across pages of 2").doesNotHaveDuplicates().contains(order);
    }

    @Test
    void a_disabled_customer_has_the_order_rejected_and_no_list_stays_active() {
        Product bolt = MALL.storeWithProduct("Washer", "0.10");
        String customer = MALL.customer("Bert");
        String payment = MALL.payment(customer, "5.00");
        assertThat(MALL.call("PUT", "/api/customers/" + customer + "/disable", null).status()).isEqualTo(200);

        String order = MALL.checkOut(customer, payment, Map.of(bolt, 1));

        JsonNode rejected = MALL.orderBecomes(order, "rejected");
        assertThat(rejected.has("shoppingId")).isFalse();
        // the saga asks for the list while it authorizes the customer; the list it got is canceled
        String list = Mall.eventually("the list made for " + order, () -> listCreatedFor(order), id -> id != null);
        MALL.shoppingListBecomes(list, "canceled");
    }

    @Test
    void a_product_the_depot_does_not_know_has_the_order_rejected() {
        Product gear = MALL.storeWithProduct("Gear", "3.00");
        String customer = MALL.customer("Cleo");
        String payment = MALL.payment(customer, "10.00");
        String basket = startBasketWith(customer, gear);
        // the product leaves the catalogue after it went into the basket: the depot forgets it too
        assertThat(MALL.call("DELETE", "/api/stores/products/" + gear.id(), null).status()).isEqualTo(204);
        Mall.eventually("the baskets to forget the product", () -> MALL.call("PUT", "/api/baskets/"
                + startBasketOf(customer) + "/addItem", Map.of("productId", gear.id(), "quantity", 1)),
                answer -> answer.status() == 404);
        Drained.await(SYSTEM.local()); // ProductRemoved reached the depot's queue with the baskets' one: the depot took it

        checkOut(basket, payment);

        MALL.orderBecomes(basket, "rejected");
    }

    @Test
    void an_unknown_payment_cancels_the_list_and_rejects_the_order() {
        assertPaymentRefused(MALL.customer("Dora"), Mall.newId());
    }

    @Test
    void another_customers_payment_cancels_the_list_and_rejects_the_order() {
        String someoneElse = MALL.customer("Eve");
        assertPaymentRefused(MALL.customer("Finn"), MALL.payment(someoneElse, "100.00"));
    }

    @Test
    void too_small_a_payment_cancels_the_list_and_rejects_the_order() {
        String customer = MALL.customer("Gus");
        assertPaymentRefused(customer, MALL.payment(customer, "0.50"));
    }

    @Test
    void canceling_an_approved_order_cancels_its_list() {
        Product bolt = MALL.storeWithProduct("Spring", "2.00");
        String customer = MALL.customer("Hana");
        String order = MALL.checkOut(customer, MALL.payment(customer, "2.00"), Map.of(bolt, 1));
        String list = MALL.orderBecomes(order, "approved").path("shoppingId").asText();

        var canceled = MALL.call("DELETE", "/api/ordering/" + order, null);

        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().path("status").asText()).isEqualTo("canceled");
        MALL.shoppingListBecomes(list, "canceled");
        assertThat(MALL.call("DELETE", "/api/ordering/" + order, null).status()).as("canceled once").isEqualTo(409);
        assertThat(MALL.notificationsOnceThereAre(customer, 2)).containsExactly("ORDER_CANCELED", "ORDER_CREATED");
    }

    private static void assertPaymentRefused(String customer, String payment) {
        Product bolt = MALL.storeWithProduct("Cog-" + customer.substring(0, 4), "4.00");
        String order = MALL.checkOut(customer, payment, Map.of(bolt, 1));

        MALL.orderBecomes(order, "rejected");
        String list = Mall.eventually("the list made for " + order, () -> listCreatedFor(order), id -> id != null);
        MALL.shoppingListBecomes(list, "canceled");
    }

    /**
     * The shopping list the depot made for an order (made while the customer is authorized and the
     * payment confirmed), or null: the depot's successful replies to
     * the saga name the lists it made; the list itself names its order.
     */
    private static String listCreatedFor(String order) {
        for (int poll = 0; poll < 3; poll++) {
            for (JsonNode reply : SYSTEM.receive(depotReplies)) {
                String listId = reply.path("detail").path("data").path("shoppingListId").asText(null);
                if (listId != null) {
                    LISTS_MADE.add(listId);
                }
            }
        }
        return LISTS_MADE.stream()
                .filter(listId -> order.equals(MALL.shoppingList(listId).path("orderId").asText()))
                .findFirst().orElse(null);
    }

    private static final java.util.Set<String> LISTS_MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String startBasketWith(String customer, Product product) {
        String basket = SYSTEM.call("POST", "/api/baskets", SystemCloud.json(Map.of("customerId", customer))).id();
        Mall.eventually("the product in the baskets' cache", () -> MALL.call("PUT", "/api/baskets/" + basket + "/addItem",
                Map.of("productId", product.id(), "quantity", 1)), answer -> answer.status() == 200);
        return basket;
    }

    private static void checkOut(String basket, String payment) {
        assertThat(MALL.call("PUT", "/api/baskets/" + basket + "/checkout", Map.of("paymentId", payment)).status())
                .isEqualTo(200);
    }

    private static String startBasketOf(String customer) {
        return SYSTEM.call("POST", "/api/baskets", SystemCloud.json(Map.of("customerId", customer))).id();
    }
}
