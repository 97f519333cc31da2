package mallbots.search.handlers;

import static mallbots.search.handlers.SearchTestbed.id;
import static mallbots.search.handlers.SearchTestbed.orderApproved;
import static mallbots.search.handlers.SearchTestbed.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mallbots.platform.messaging.Message;
import mallbots.search.handlers.SearchTestbed.Line;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /api/search/orders on a small mall: every filter alone and combined, newest first,
 * paging with tokens that resume exactly, and bad input refused with 400.
 */
class SearchQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final SearchTestbed search = new SearchTestbed();
    private final String ada = id();
    private final String bob = id();
    private final String shop = id();
    private final String deli = id();
    private final String apple = id();
    private final String bread = id();
    private final String cheese = id();
    /** The orders, oldest first: {@code orders.get(i)} was created at T0 + i minutes. */
    private final List<String> orders = new ArrayList<>();

    @BeforeEach
    void aMallWithSixOrders() {
        List<Message<?>> events = new ArrayList<>();
        // 0: ada, shop apple · 1: bob, deli bread · 2: ada, shop apple + deli bread (approved)
        // 3: bob, shop apple · 4: ada, deli cheese (approved) · 5: bob, shop apple + deli cheese
        Object[][] shape = {
                {ada, new Line[] {new Line(shop, apple)}},
                {bob, new Line[] {new Line(deli, bread)}},
                {ada, new Line[] {new Line(shop, apple), new Line(deli, bread)}},
                {bob, new Line[] {new Line(shop, apple)}},
                {ada, new Line[] {new Line(deli, cheese)}},
                {bob, new Line[] {new Line(shop, apple), new Line(deli, cheese)}}};
        for (int i = 0; i < shape.length; i++) {
            String orderId = id();
            orders.add(orderId);
            events.add(orderCreated(orderId, (String) shape[i][0], T0.plusSeconds(60L * i), (Line[]) shape[i][1]));
        }
        events.add(orderApproved(orders.get(2), ada, 2));
        events.add(orderApproved(orders.get(4), ada, 2));
        search.deliverOk(events);
    }

    private List<String> found(String body) {
        SearchTestbed.Response response = search.search(body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("orders").forEach(order -> ids.add(order.get("orderId").asText()));
        return ids;
    }

    private List<String> orders(int... indexes) {
        List<String> ids = new ArrayList<>();
        for (int index : indexes) {
            ids.add(orders.get(index));
        }
        return ids;
    }

    @Test
    void everyFilterAloneAndCombinedNewestFirst() {
        assertThat(found("{}")).isEqualTo(orders(5, 4, 3, 2, 1, 0));
        assertThat(found("{\"customerId\":\"" + ada + "\"}")).isEqualTo(orders(4, 2, 0));
        assertThat(found("{\"storeIds\":[\"" + shop + "\"]}")).isEqualTo(orders(5, 3, 2, 0));
        assertThat(found("{\"storeIds\":[\"" + shop + "\",\"" + deli + "\"]}")).isEqualTo(orders(5, 2));
        assertThat(found("{\"productIds\":[\"" + cheese + "\"]}")).isEqualTo(orders(5, 4));
        assertThat(found("{\"productIds\":[\"" + apple + "\",\"" + bread + "\"]}")).isEqualTo(orders(2));
        assertThat(found("{\"status\":\"approved\"}")).isEqualTo(orders(4, 2));
        assertThat(found("{\"status\":\"pending\",\"customerId\":\"" + ada + "\"}")).isEqualTo(orders(0));
        assertThat(found("{\"customerId\":\"" + bob + "\",\"storeIds\":[\"" + deli + "\"]}")).isEqualTo(orders(5, 1));
        assertThat(found("{\"storeIds\":[\"" + deli + "\"],\"status\":\"approved\"}")).isEqualTo(orders(4, 2));
        assertThat(found("{\"customerId\":\"" + ada + "\",\"createdAfter\":\"2026-11-01T10:02:00Z\"}"))
                .as("createdAfter is inclusive").isEqualTo(orders(4, 2));
        assertThat(found("{\"customerId\":\"" + ada + "\",\"createdBefore\":\"2026-11-01T10:02:00Z\"}"))
                .as("createdBefore is exclusive").isEqualTo(orders(0));
        assertThat(found("{\"productIds\":[\"" + apple + "\"],\"createdAfter\":\"2026-11-01T10:01:00Z\","
                + "\"createdBefore\":\"2026-11-01T12:03:00+02:00\"}")).isEqualTo(orders(2));
        assertThat(found("{\"customerId\":\"" + id() + "\"}")).isEmpty();
    }

    @Test
    void pagingWithAnInMemoryFilterReturnsEachMatchOnceAcrossPages() {
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = search.searchAll("\"storeIds\":[\"" + shop + "\"],\"customerId\":\"" + bob + "\"", 1, sizes);
        assertThat(ids).isEqualTo(orders(5, 3));
        assertThat(sizes).allMatch(size -> size <= 1);
    }

    @Test
    void aTokenOfAnotherQueryIsRefused() {
        JsonNode first = search.search("{\"customerId\":\"" + ada + "\",\"limit\":1}").json();
        String token = first.get("next").asText();

        SearchTestbed.Response other = search.search("{\"customerId\":\"" + bob + "\",\"limit\":1,\"next\":\""
                + token + "\"}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.message()).contains("next");

        SearchTestbed.Response otherIndex = search.search("{\"status\":\"pending\",\"next\":\"" + token + "\"}");
        assertThat(otherIndex.status()).isEqualTo(400);
        assertThat(otherIndex.message()).contains("next");

        SearchTestbed.Response same = search.search("{\"customerId\":\"" + ada + "\",\"limit\":5,\"next\":\""
                + token + "\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("orders")).extracting(order -> order.get("orderId").asText())
                .containsExactlyElementsOf(orders(2, 0));
        assertThat(same.json().has("next")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"colour\":\"red\"}",
            "{\"limit\":0}",
            "{\"limit\":101}",
            "{\"limit\":\"ten\"}",
            "{\"limit\":1.5}",
            "{\"createdAfter\":\"yesterday\"}",
            "{\"createdBefore\":\"2026-11-01\"}",
            "{\"createdAfter\":\"2026-11-02T00:00:00Z\",\"createdBefore\":\"2026-11-01T00:00:00Z\"}",
            "{\"status\":\"New\"}",
            "{\"customerId\":\" \"}",
            "{\"storeIds\":\"not a list\"}",
            "{\"productIds\":[\"\"]}",
            "{\"next\":\"not-a-token!\"}",
            "{\"next\":\"e30\"}",
            "{\"customerId\":",
            "[]"})
    void badInputIs400NamingTheField(String body) {
        SearchTestbed.Response response = search.search(body);
        assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
        assertThat(response.message()).isNotBlank();
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = Base64.getUrlEncoder().encodeToString(
                "{\"query\":\"x\",\"key\":{\"pk\":\"order#1\"}}".getBytes(StandardCharsets.UTF_8));
        SearchTestbed.Response response = search.search("{\"next\":\"" + forged + "\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).startsWith("next:");
    }
}
