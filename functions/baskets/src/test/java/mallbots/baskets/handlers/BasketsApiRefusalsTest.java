package mallbots.baskets.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mallbots.baskets.handlers.BasketsTestbed.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every refusal of the baskets API: bad input (400 naming the field), a rule of the domain (409)
 * and an unknown product (404). A refused command changes nothing: the table holds the same
 * items and nothing more is published.
 */
class BasketsApiRefusalsTest {

    private static final String PAYMENT = UUID.randomUUID().toString();

    private BasketsTestbed baskets;
    private String apple;
    private String basket;

    @BeforeEach
    void setUp() {
        baskets = new BasketsTestbed();
        apple = baskets.stockedProduct(UUID.randomUUID().toString(), "Corner Shop", "Apple", "1.50");
        basket = baskets.startBasket();
        baskets.addItem(basket, apple, 2);
    }

    static Stream<Arguments> badBodies() {
        String start = "POST /api/baskets";
        String add = "PUT /api/baskets/{id}/addItem";
        String remove = "PUT /api/baskets/{id}/removeItem";
        String checkout = "PUT /api/baskets/{id}/checkout";
        String product = "\"productId\": \"%s\"";
        return Stream.of(
                Arguments.of(start, "{\"customerId\": ", "body: malformed JSON"),
                Arguments.of(start, "[]", "body: must be a JSON object"),
                Arguments.of(start, "{\"customerId\": 42}", "customerId: must be a string"),
                Arguments.of(start, "{\"customerId\": \"" + UUID.randomUUID() + "\", \"name\": \"x\"}",
                        "name: unknown field"),
                Arguments.of(add, "{\"productId\": \"x\", \"quantity\": 1", "body: malformed JSON"),
                Arguments.of(add, "{\"quantity\": 1}", "productId: is required"),
                Arguments.of(add, "{" + product + "}", "quantity: is required"),
                Arguments.of(add, "{" + product + ", \"quantity\": 0}", "quantity must be at least 1, was 0"),
                Arguments.of(add, "{" + product + ", \"quantity\": -3}", "quantity must be at least 1, was -3"),
                Arguments.of(add, "{" + product + ", \"quantity\": 1.5}", "quantity: must be an integer"),
                Arguments.of(add, "{" + product + ", \"quantity\": \"2\"}", "quantity: must be an integer"),
                Arguments.of(add, "{" + product + ", \"quantity\": 99999999999}", "quantity"),
                Arguments.of(add, "{\"productId\": \"\", \"quantity\": 1}", "productId is required"),
                Arguments.of(add, "{\"productId\": [], \"quantity\": 1}", "productId: must be a string"),
                Arguments.of(remove, "", "body: is required"),
                Arguments.of(remove, "{\"productId\": \"x\"", "body: malformed JSON"),
                Arguments.of(remove, "{" + product + "}", "quantity: is required"),
                Arguments.of(remove, "{" + product + ", \"quantity\": 0}", "quantity must be at least 1, was 0"),
                Arguments.of(remove, "{" + product + ", \"quantity\": true}", "quantity: must be an integer"),
                Arguments.of(remove, "{\"productId\": \" \", \"quantity\": 1}", "productId is required"),
                Arguments.of(remove, "{" + product + ", \"quantity\": 1, \"all\": true}", "all: unknown field"),
                Arguments.of(checkout, "{", "body: malformed JSON"),
                Arguments.of(checkout, "{}", "paymentId: is required"),
                Arguments.of(checkout, "{\"paymentId\": 7}", "paymentId: must be a string"),
                Arguments.of(checkout, "{\"paymentId\": \"\"}", "paymentId is required"),
                Arguments.of(checkout, "{\"paymentId\": \"pay-1\"}", "paymentId: must be a UUID, was \"pay-1\""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void badInputIsA400NamingTheFieldAndChangesNothing(String route, String body, String message) {
        String json = body == null ? null : body.replace("%s", apple);
        Unchanged unchanged = new Unchanged();

        Response answer = baskets.call(route, route.split(" ")[1].replace("{id}", basket), json);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.message()).contains(message);
        unchanged.verify();
    }

    @Test
    void aBasketIsStartedForTheCallerAndAnotherCustomersIsNotFound() {
        String caller = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Unchanged unchanged = new Unchanged();

        Response forAnother = baskets.call("POST /api/baskets", "/api/baskets", "{\"customerId\": \"" + other + "\"}", caller);
        Response ofAnother = baskets.call("GET /api/baskets/{id}", "/api/baskets/" + basket, null, caller);
        Response addToAnothers = baskets.call("PUT /api/baskets/{id}/addItem", "/api/baskets/" + basket + "/addItem",
                "{\"productId\": \"" + apple + "\", \"quantity\": 1}", caller);
        Response cancelAnothers = baskets.call("DELETE /api/baskets/{id}", "/api/baskets/" + basket, null, caller);

        assertThat(forAnother.status()).isEqualTo(404);
        assertThat(forAnother.message()).isEqualTo("customer " + other + " not found");
        for (Response answer : List.of(ofAnother, addToAnothers, cancelAnothers)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.message()).isEqualTo("basket " + basket + " not found");
        }
        unchanged.verify();

        Response own = baskets.call("POST /api/baskets", "/api/baskets", null, caller);
        assertThat(own.status()).isEqualTo(201);
        assertThat(baskets.get(own.json().get("id").asText()).json().get("customerId").asText()).isEqualTo(caller);
    }

    @Test
    void checkingOutAnEmptyBasketIsAConflict() {
        String empty = baskets.startBasket();
        Unchanged unchanged = new Unchanged();

        Response answer = baskets.checkOut(empty, PAYMENT);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.message()).isEqualTo("basket " + empty + " is empty: add an item before checking out");
        unchanged.verify();
    }

    @Test
    void removingMoreThanTheBasketHoldsIsAConflict() {
        Unchanged unchanged = new Unchanged();

        Response tooMany = baskets.removeItem(basket, apple, 3);
        Response absent = baskets.removeItem(basket, UUID.randomUUID().toString(), 1);

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.message()).isEqualTo("basket " + basket + " has only 2 of product " + apple
                + ", cannot remove 3");
        assertThat(absent.status()).isEqualTo(409);
        assertThat(absent.message()).startsWith("basket " + basket + " has no product ");
        unchanged.verify();
    }

    @Test
    void aCanceledBasketRefusesEveryCommand() {
        assertThat(baskets.cancel(basket).status()).isEqualTo(200);
        Unchanged unchanged = new Unchanged();

        List<Response> answers = List.of(
                baskets.addItem(basket, apple, 1),
                baskets.removeItem(basket, apple, 1),
                baskets.checkOut(basket, PAYMENT),
                baskets.cancel(basket));

        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.message()).isEqualTo("basket " + basket + " is canceled");
        }
        unchanged.verify();
    }

    @Test
    void aCheckedOutBasketRefusesEveryCommand() {
        assertThat(baskets.checkOut(basket, PAYMENT).status()).isEqualTo(200);
        Unchanged unchanged = new Unchanged();

        List<Response> answers = List.of(
                baskets.addItem(basket, apple, 1),
                baskets.removeItem(basket, apple, 1),
                baskets.checkOut(basket, UUID.randomUUID().toString()),
                baskets.cancel(basket));

        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.message()).isEqualTo("basket " + basket + " is checked out");
        }
        assertThat(baskets.get(basket).json().get("paymentId").asText()).isEqualTo(PAYMENT);
        unchanged.verify();
    }

    @Test
    void anUnknownProductIsA404AndChangesNothing() {
        String unknown = UUID.randomUUID().toString();
        Unchanged unchanged = new Unchanged();

        Response answer = baskets.addItem(basket, unknown, 1);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message()).isEqualTo("product " + unknown + " not found");
        unchanged.verify();
    }

    /** What the table holds and what was published, before a refused command. */
    private final class Unchanged {
        private final List<Map<String, AttributeValue>> items = baskets.allItems();
        private final int published = baskets.bus.published().size();
        private final Supplier<String> view = () -> baskets.get(basket).body();
        private final String basketBefore = view.get();

        void verify() {
            assertThat(baskets.allItems()).containsExactlyInAnyOrderElementsOf(items);
            assertThat(baskets.bus.published()).hasSize(published);
            assertThat(view.get()).isEqualTo(basketBefore);
        }
    }
}
