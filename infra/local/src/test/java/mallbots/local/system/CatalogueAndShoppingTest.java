package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import mallbots.local.system.SystemCloud.Answer;
import mallbots.schema.MessageSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stores, customers and baskets end to end in the local cloud, through the HTTP API only: the
 * basket takes names and prices from its own cache, which the stores' events keep current, and
 * the checkout puts BasketCheckedOut on the bus.
 */
class CatalogueAndShoppingTest {

    private static final SystemCloud SYSTEM = SystemCloud.shared();
    private static String checkouts;

    @BeforeAll
    static void watchTheBus() {
        checkouts = SYSTEM.watch("test-checkouts-" + UUID.randomUUID().toString().substring(0, 8),
                "{\"source\":[\"mallbots.baskets\"],\"detail-type\":[\"BasketCheckedOut\"]}");
    }

    @Test
    void a_customer_fills_a_basket_from_the_catalogue_and_checks_out() {
        String store = SYSTEM.call("POST", "/api/stores",
                SystemCloud.json(Map.of("name", "Robo Mart", "location", "Level 1"))).id();
        assertThat(SYSTEM.call("PUT", "/api/stores/" + store + "/participating", null).status()).isEqualTo(200);
        String bolt = SYSTEM.call("POST", "/api/stores/" + store + "/products", SystemCloud.json(Map.of(
                "name", "Bolt", "description", "M4 x 20", "sku", "B-420", "price", "1.25"))).id();
        String nut = SYSTEM.call("POST", "/api/stores/" + store + "/products", SystemCloud.json(Map.of(
                "name", "Nut", "description", "M4", "sku", "N-4", "price", 0.40))).id();
        Answer customer = SYSTEM.call("POST", "/api/customers",
                SystemCloud.json(Map.of("name", "Ada", "smsNumber", "+1 555 010 2030")));
        assertThat(customer.status()).isEqualTo(201);
        String basket = SYSTEM.call("POST", "/api/baskets",
                SystemCloud.json(Map.of("customerId", customer.id()))).id();

        // the baskets' cache fills from the stores' events, a moment after the product exists
        Answer firstBolts = eventually("the bolt in the baskets' cache",
                () -> addItem(basket, bolt, 2), answer -> answer.status() == 200);
        JsonNode boltLine = line(firstBolts.body(), bolt);
        assertThat(boltLine.path("storeName").asText()).isEqualTo("Robo Mart");
        assertThat(boltLine.path("productName").asText()).isEqualTo("Bolt");
        assertThat(boltLine.path("price").asText()).isEqualTo("1.25");

        assertThat(SYSTEM.call("PUT", "/api/stores/products/" + bolt + "/increasePrice",
                SystemCloud.json(Map.of("price", "1.50"))).status()).isEqualTo(200);
        Answer laterBolts = eventually("the new price in the baskets' cache",
                () -> addItem(basket, bolt, 1), answer -> "1.50".equals(line(answer.body(), bolt).path("price").asText()));
        assertThat(line(laterBolts.body(), bolt).path("quantity").asInt()).isGreaterThanOrEqualTo(3);
        eventually("the nut in the baskets' cache", () -> addItem(basket, nut, 5), answer -> answer.status() == 200);

        String payment = UUID.randomUUID().toString();
        Answer checkedOut = SYSTEM.call("PUT", "/api/baskets/" + basket + "/checkout",
                SystemCloud.json(Map.of("paymentId", payment)));
        assertThat(checkedOut.status()).isEqualTo(200);
        assertThat(checkedOut.body().path("status").asText()).isEqualTo("checked_out");
        int bolts = line(checkedOut.body(), bolt).path("quantity").asInt();

        JsonNode event = eventually("BasketCheckedOut on the bus", () -> SYSTEM.receive(checkouts).stream()
                .filter(e -> e.path("detail").path("data").path("basketId").asText().equals(basket))
                .findFirst().orElse(null), found -> found != null);
        assertThat(MessageSchemas.load().validateEvent(event.toString())).isEmpty();
        JsonNode data = event.path("detail").path("data");
        assertThat(data.path("customerId").asText()).isEqualTo(customer.id());
        assertThat(data.path("paymentId").asText()).isEqualTo(payment);
        List<String> lines = new ArrayList<>();
        data.path("items").forEach(item -> lines.add(item.path("productName").asText() + " x"
                + item.path("quantity").asInt() + " @ " + item.path("price").asText()));
        assertThat(lines).containsExactlyInAnyOrder("Bolt x" + bolts + " @ 1.50", "Nut x5 @ 0.40");
        assertThat(checkedOut.body().path("total").asText())
                .isEqualTo(new java.math.BigDecimal("1.50").multiply(java.math.BigDecimal.valueOf(bolts))
                        .add(new java.math.BigDecimal("2.00")).setScale(2).toPlainString());
    }

    @Test
    void bad_input_gets_a_clear_4xx_and_changes_nothing() {
        Answer malformed = SYSTEM.call("POST", "/api/stores", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).startsWith("body: malformed JSON");

        Answer blank = SYSTEM.call("POST", "/api/customers", SystemCloud.json(Map.of("name", " ", "smsNumber", "+15550102030")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.message()).contains("name");

        Answer unknownBasket = SYSTEM.call("GET", "/api/baskets/" + UUID.randomUUID(), null);
        assertThat(unknownBasket.status()).isEqualTo(404);

        String basket = SYSTEM.call("POST", "/api/baskets",
                SystemCloud.json(Map.of("customerId", UUID.randomUUID().toString()))).id();
        Answer empty = SYSTEM.call("PUT", "/api/baskets/" + basket + "/checkout",
                SystemCloud.json(Map.of("paymentId", UUID.randomUUID().toString())));
        assertThat(empty.status()).isEqualTo(409);
        assertThat(SYSTEM.call("GET", "/api/baskets/" + basket, null).body().path("status").asText()).isEqualTo("open");

        Answer unknownProduct = addItem(basket, UUID.randomUUID().toString(), 1);
        assertThat(unknownProduct.status()).isEqualTo(404);
        Answer noRoute = SYSTEM.call("GET", "/api/nowhere", null);
        assertThat(noRoute.status()).isEqualTo(404);
    }

    private static Answer addItem(String basket, String product, int quantity) {
        return SYSTEM.call("PUT", "/api/baskets/" + basket + "/addItem",
                SystemCloud.json(Map.of("productId", product, "quantity", quantity)));
    }

    private static JsonNode line(JsonNode basket, String product) {
        for (JsonNode item : basket.path("items")) {
            if (item.path("productId").asText().equals(product)) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        return await(what).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(probe::get, done);
    }
}
