package mallbots.baskets.handlers;

import static mallbots.baskets.handlers.BasketsTestbed.priceDecreased;
import static mallbots.baskets.handlers.BasketsTestbed.priceIncreased;
import static mallbots.baskets.handlers.BasketsTestbed.productAdded;
import static mallbots.baskets.handlers.BasketsTestbed.productRebranded;
import static mallbots.baskets.handlers.BasketsTestbed.productRemoved;
import static mallbots.baskets.handlers.BasketsTestbed.storeRebranded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.baskets.handlers.BasketsTestbed.Response;
import mallbots.messages.baskets.BasketCanceled;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.baskets.BasketStarted;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.testing.ApiGatewayEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The baskets API through BasketsApiFunction, on dynalite, with caches fed through BasketsEventsFunction. */
class BasketsApiTest {

    private BasketsTestbed baskets;
    private String storeId;
    private String apple;
    private String bakeryId;
    private String bread;

    @BeforeEach
    void setUp() {
        baskets = new BasketsTestbed();
        storeId = UUID.randomUUID().toString();
        apple = baskets.stockedProduct(storeId, "Corner Shop", "Apple", "1.50");
        bakeryId = UUID.randomUUID().toString();
        bread = baskets.stockedProduct(bakeryId, "Bakery", "Bread", "3.00");
    }

    @Test
    void startingABasketAnswersItsIdAndAnnouncesIt() {
        String customerId = UUID.randomUUID().toString();

        Response started = baskets.call("POST /api/baskets", "/api/baskets",
                "{\"customerId\": \"" + customerId + "\"}");

        assertThat(started.status()).isEqualTo(201);
        String id = started.json().get("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        Response read = baskets.get(id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(json("{\"id\": \"" + id + "\", \"customerId\": \"" + customerId
                + "\", \"status\": \"open\", \"items\": [], \"total\": \"0.00\"}"));
        Message<?> announced = baskets.published(BasketsMessages.BASKET_STARTED).getFirst();
        assertThat(announced.data()).isEqualTo(new BasketStarted(id, customerId));
        assertThat(announced.metadata().aggregateId()).isEqualTo(id);
        assertThat(announced.metadata().aggregateVersion()).isEqualTo(1);
        assertThat(announced.metadata().correlationId()).isEqualTo(announced.messageId());
    }

    @Test
    void itemsTakeTheirNamesAndPricesFromTheCachesAndTheSameProductAddsToItsLine() {
        String basket = baskets.startBasket();

        assertThat(baskets.addItem(basket, apple, 2).status()).isEqualTo(200);
        assertThat(baskets.addItem(basket, bread, 1).status()).isEqualTo(200);
        Response added = baskets.addItem(basket, apple, 1);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("items")).isEqualTo(json("["
                + item(storeId, apple, "Corner Shop", "Apple", "1.50", 3) + ","
                + item(bakeryId, bread, "Bakery", "Bread", "3.00", 1) + "]"));
        assertThat(added.json().get("total").asText()).isEqualTo("7.50");
        assertThat(baskets.get(basket).json()).isEqualTo(added.json());
        // adding and removing items stays inside baskets
        assertThat(baskets.published()).extracting(Message::detailType).containsExactly("BasketStarted");
    }

    @Test
    void removingSomeLowersTheQuantityAndRemovingTheRestRemovesTheLine() {
        String basket = baskets.startBasket();
        baskets.addItem(basket, apple, 3);
        baskets.addItem(basket, bread, 2);

        Response fewer = baskets.removeItem(basket, apple, 2);
        assertThat(fewer.status()).isEqualTo(200);
        assertThat(fewer.json().get("items").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(fewer.json().get("total").asText()).isEqualTo("7.50");

        Response none = baskets.removeItem(basket, apple, 1);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("items")).hasSize(1);
        assertThat(none.json().get("items").get(0).get("productId").asText()).isEqualTo(bread);
        assertThat(baskets.get(basket).json().get("total").asText()).isEqualTo("6.00");
    }

    @Test
    void checkingOutPublishesBasketCheckedOutWithTheLinesNamesAndPrices() {
        String customerId = UUID.randomUUID().toString();
        String paymentId = UUID.randomUUID().toString();
        String basket = baskets.startBasket(customerId);
        baskets.addItem(basket, apple, 2);
        baskets.addItem(basket, bread, 1);
        baskets.addItem(basket, apple, 1);

        Response checkedOut = baskets.checkOut(basket, paymentId);

        assertThat(checkedOut.status()).isEqualTo(200);
        assertThat(checkedOut.json().get("status").asText()).isEqualTo("checked_out");
        assertThat(checkedOut.json().get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(checkedOut.json().get("total").asText()).isEqualTo("7.50");
        List<Message<?>> announced = baskets.published(BasketsMessages.BASKET_CHECKED_OUT);
        assertThat(announced).hasSize(1);
        BasketCheckedOut data = (BasketCheckedOut) announced.getFirst().data();
        assertThat(data.basketId()).isEqualTo(basket);
        assertThat(data.customerId()).isEqualTo(customerId);
        assertThat(data.paymentId()).isEqualTo(paymentId);
        assertThat(data.items()).containsExactly(
                new BasketCheckedOut.Item(storeId, apple, "Corner Shop", "Apple", Money.of("1.50"), 3),
                new BasketCheckedOut.Item(bakeryId, bread, "Bakery", "Bread", Money.of("3.00"), 1));
        // what ordering will total: the same as the basket showed
        assertThat(data.items().stream().map(i -> i.price().times(i.quantity())).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.of("7.50"));
        // started, three additions, checkout: the fifth version
        assertThat(announced.getFirst().metadata().aggregateId()).isEqualTo(basket);
        assertThat(announced.getFirst().metadata().aggregateVersion()).isEqualTo(5);
        // published right after the write: no entry is left in the outbox
        List<Map<String, AttributeValue>> history = baskets.historyOf(basket);
        assertThat(history.getLast().get("outbox").m()).isEmpty();
        assertThat(history.getLast()).doesNotContainKey("outboxPending");
    }

    @Test
    void cancelingAnOpenBasketPublishesBasketCanceled() {
        String basket = baskets.startBasket();
        baskets.addItem(basket, apple, 1);

        Response canceled = baskets.cancel(basket);

        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.json().get("status").asText()).isEqualTo("canceled");
        assertThat(baskets.get(basket).json().get("status").asText()).isEqualTo("canceled");
        Message<?> announced = baskets.published(BasketsMessages.BASKET_CANCELED).getFirst();
        assertThat(announced.data()).isEqualTo(new BasketCanceled(basket));
        assertThat(announced.metadata().aggregateVersion()).isEqualTo(3);
    }

    @Test
    void aPriceChangeReachingTheCacheIsWhatLaterAdditionsPay() {
        String first = baskets.startBasket();
        baskets.addItem(first, apple, 1);

        assertThat(baskets.deliver(priceIncreased(apple, "1.50", "2.00", 2)).getBatchItemFailures()).isEmpty();

        String second = baskets.startBasket();
        Response added = baskets.addItem(second, apple, 2);
        assertThat(added.json().get("items").get(0).get("price").asText()).isEqualTo("2.00");
        assertThat(added.json().get("total").asText()).isEqualTo("4.00");
        // a line takes the latest price for its whole quantity when the product is added again
        Response again = baskets.addItem(first, apple, 1);
        assertThat(again.json().get("items").get(0).get("price").asText()).isEqualTo("2.00");
        assertThat(again.json().get("total").asText()).isEqualTo("4.00");

        baskets.deliver(priceDecreased(apple, "2.00", "1.80", 3), productRebranded(apple, "Green Apple", 4),
                storeRebranded(storeId, "Corner Market", 2));
        String third = baskets.startBasket();
        JsonNode line = baskets.addItem(third, apple, 1).json().get("items").get(0);
        assertThat(line.get("price").asText()).isEqualTo("1.80");
        assertThat(line.get("productName").asText()).isEqualTo("Green Apple");
        assertThat(line.get("storeName").asText()).isEqualTo("Corner Market");
    }

    @Test
    void aProductTheCachesDoNotOfferIsNotFound() {
        String basket = baskets.startBasket();
        String unknown = UUID.randomUUID().toString();
        String orphan = UUID.randomUUID().toString();
        baskets.deliver(productAdded(orphan, UUID.randomUUID().toString(), "Orphan", "1.00"),
                productRemoved(bread, 2));

        Response neverSeen = baskets.addItem(basket, unknown, 1);
        Response removed = baskets.addItem(basket, bread, 1);
        Response storeUnknown = baskets.addItem(basket, orphan, 1);

        assertThat(neverSeen.status()).isEqualTo(404);
        assertThat(neverSeen.message()).isEqualTo("product " + unknown + " not found");
        assertThat(removed.status()).isEqualTo(404);
        assertThat(removed.message()).isEqualTo("product " + bread + " not found");
        assertThat(storeUnknown.status()).isEqualTo(404);
        assertThat(storeUnknown.message()).startsWith("store ").endsWith(" not found");
        assertThat(baskets.historyOf(basket)).hasSize(1);
    }

    @Test
    void anUnknownBasketIsNotFoundOnEveryRoute() {
        String unknown = UUID.randomUUID().toString();
        List<Response> answers = List.of(
                baskets.get(unknown),
                baskets.cancel(unknown),
                baskets.addItem(unknown, apple, 1),
                baskets.removeItem(unknown, apple, 1),
                baskets.checkOut(unknown, UUID.randomUUID().toString()));

        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.message()).isEqualTo("basket " + unknown + " not found");
        }
        assertThat(baskets.historyOf(unknown)).isEmpty();
    }

    @Test
    void aRouteTheApiDoesNotHaveIsRefusedWithAMessage() {
        var unknown = baskets.api.handleRequest(
                ApiGatewayEvents.defaultRoute("GET", "/api/baskets/x/contents").build(), null);
        var wrongMethod = baskets.api.handleRequest(
                ApiGatewayEvents.defaultRoute("PATCH", "/api/baskets/x").build(), null);

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(wrongMethod.getStatusCode()).isEqualTo(405);
        assertThat(wrongMethod.getHeaders().get("allow")).contains("GET", "DELETE");
    }

    @Test
    void theDefaultRouteOfTheLocalCloudReachesTheSameRoutes() {
        String basket = baskets.startBasket();

        var read = baskets.api.handleRequest(
                ApiGatewayEvents.defaultRoute("GET", "/api/baskets/" + basket)
                        .caller(baskets.get(basket).json().get("customerId").asText(), "mallbots/customer").build(), null);

        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getBody()).contains("\"status\":\"open\"");
    }

    @Test
    void aLongBasketIsSnapshottedAndStillReadsRight() {
        String basket = baskets.startBasket();
        for (int i = 0; i < 12; i++) {
            baskets.addItem(basket, i % 2 == 0 ? apple : bread, 2);
        }
        baskets.removeItem(basket, bread, 3);

        List<Map<String, AttributeValue>> history = baskets.historyOf(basket);
        assertThat(history).hasSize(14);
        assertThat(history).filteredOn(item -> item.containsKey("snapshot"))
                .extracting(item -> item.get("lastVersion").n()).containsExactly("10");
        Response read = baskets.get(basket);
        assertThat(read.json().get("items")).isEqualTo(json("["
                + item(storeId, apple, "Corner Shop", "Apple", "1.50", 12) + ","
                + item(bakeryId, bread, "Bakery", "Bread", "3.00", 9) + "]"));
        assertThat(read.json().get("total").asText()).isEqualTo("45.00");
    }

    private static String item(String storeId, String productId, String storeName, String productName, String price,
            int quantity) {
        return "{\"storeId\": \"" + storeId + "\", \"productId\": \"" + productId
                + "\", \"storeName\": \"" + storeName + "\", \"productName\": \"" + productName
                + "\", \"price\": \"" + price + "\", \"quantity\": " + quantity + "}";
    }

    private static JsonNode json(String text) {
        return new BasketsTestbed.Response(200, text).json();
    }
}
