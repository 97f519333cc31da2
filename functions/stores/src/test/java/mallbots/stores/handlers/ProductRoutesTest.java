package mallbots.stores.handlers;

import static mallbots.stores.handlers.StoreRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductPriceDecreased;
import mallbots.messages.stores.ProductPriceIncreased;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.ProductRemoved;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.stores.handlers.StoresApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The product routes through the API function, on dynalite, with every published message schema-checked. */
class ProductRoutesTest {

    private static final String ADD = "POST /api/stores/{storeId}/products";
    private static final String GET = "GET /api/stores/products/{id}";
    private static final String LIST = "GET /api/stores/{storeId}/products";
    private static final String REBRAND = "PUT /api/stores/products/{id}/rebrand";
    private static final String INCREASE = "PUT /api/stores/products/{id}/increasePrice";
    private static final String DECREASE = "PUT /api/stores/products/{id}/decreasePrice";
    private static final String REMOVE = "DELETE /api/stores/products/{id}";

    private StoresApi api;
    private String storeId;

    @BeforeEach
    void newStore() {
        api = new StoresApi(StoresApi.newTable());
        storeId = api.createStore("Green Grocer", "Level 1");
    }

    @Test
    void addingAProductStoresItAndAnnouncesIt() {
        Response added = api.send(ADD, "/api/stores/" + storeId + "/products",
                "{\"name\": \"Apple\", \"description\": \"Crisp\", \"sku\": \"APL-1\", \"price\": 9.99}");

        assertThat(added.status()).isEqualTo(201);
        String id = added.text("id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        Response read = api.send(GET, "/api/stores/products/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(json("{\"id\":\"" + id + "\",\"storeId\":\"" + storeId
                + "\",\"name\":\"Apple\",\"description\":\"Crisp\",\"sku\":\"APL-1\",\"price\":\"9.99\"}"));

        Message<?> announced = api.published().getLast();
        assertThat(announced.data()).isEqualTo(
                new ProductAdded(id, storeId, "Apple", "Crisp", "APL-1", Money.of("9.99")));
        assertThat(announced.metadata().aggregateId()).isEqualTo(id);
        assertThat(announced.metadata().aggregateVersion()).isEqualTo(1L);

        List<Map<String, AttributeValue>> items = api.productItems(id);
        assertThat(items).extracting(item -> item.get("sk").n()).containsExactly("0", "1");
        assertThat(items.getFirst().get("catalogStoreId").s()).isEqualTo(storeId);
        assertThat(items.getFirst().get("aggregateVersion").n()).isEqualTo("1");
        assertThat(json(items.getFirst().get("state").s())).isEqualTo(read.body());
    }

    @Test
    void aPriceIsReadAsWrittenFromANumberOrAStringAndAnEmptyDescriptionIsFine() {
        String fromString = add("{\"name\": \"Pear\", \"description\": \"\", \"sku\": \"P-1\", \"price\": \"12.5\"}");
        String fromInteger = add("{\"name\": \"Plum\", \"description\": \"\", \"sku\": \"P-2\", \"price\": 3}");

        assertThat(api.send(GET, "/api/stores/products/" + fromString).body().get("price").asText())
                .isEqualTo("12.50");
        assertThat(api.send(GET, "/api/stores/products/" + fromInteger).body().get("price").asText())
                .isEqualTo("3.00");
        assertThat(api.send(GET, "/api/stores/products/" + fromInteger).body().get("description").asText())
                .isEmpty();
    }

    @Test
    void addingRefusesBadInputAndAnUnknownStoreAndWritesNothing() {
        String path = "/api/stores/" + storeId + "/products";

        assertThat(api.refused(400, ADD, path, body(" ", "S-1", "1.00")).message()).isEqualTo("name is required");
        assertThat(api.refused(400, ADD, path, body("Fig", "", "1.00")).message()).isEqualTo("sku is required");
        assertThat(api.refused(400, ADD, path, body("Fig", "S-1", "0")).message())
                .isEqualTo("price must be more than 0.00, was 0.00");
        assertThat(api.refused(400, ADD, path, body("Fig", "S-1", "-1.50")).message())
                .isEqualTo("price must be more than 0.00, was -1.50");
        assertThat(api.refused(400, ADD, path, body("Fig", "S-1", "1.234")).message()).startsWith("price: ");
        assertThat(api.refused(400, ADD, path, body("Fig", "S-1", "\"cheap\"")).message()).startsWith("price: ");
        assertThat(api.refused(400, ADD, path, body("Fig", "S-1", "true")).message()).startsWith("price: ");
        assertThat(api.refused(400, ADD, path, "{\"name\": \"Fig\", \"description\": \"\", \"sku\": \"S-1\"}")
                .message()).isEqualTo("price: is required");
        assertThat(api.refused(400, ADD, path, "{\"name\": \"Fig\", \"sku\": \"S-1\", \"price\": 1}").message())
                .isEqualTo("description: is required");
        assertThat(api.refused(400, ADD, path, "{\"name\": \"Fig\"").message()).startsWith("body: malformed JSON");

        String unknown = UUID.randomUUID().toString();
        assertThat(api.refused(404, ADD, "/api/stores/" + unknown + "/products", body("Fig", "S-1", "1.00"))
                .message()).isEqualTo("store " + unknown + " not found");
    }

    @Test
    void aProductIsRebrandedToSomethingNewOnly() {
        String id = api.addProduct(storeId, "Apple", "1.00");
        String path = "/api/stores/products/" + id + "/rebrand";

        Response rebranded = api.send(REBRAND, path, "{\"name\": \"Green Apple\", \"description\": \"Sour\"}");

        assertThat(rebranded.status()).isEqualTo(200);
        assertThat(rebranded.body().get("name").asText()).isEqualTo("Green Apple");
        assertThat(rebranded.body().get("description").asText()).isEqualTo("Sour");
        assertThat(api.published().getLast().data()).isEqualTo(new ProductRebranded(id, "Green Apple", "Sour"));
        assertThat(api.published().getLast().metadata().aggregateVersion()).isEqualTo(2L);

        assertThat(api.refused(409, REBRAND, path, "{\"name\": \"Green Apple\", \"description\": \"Sour\"}")
                .message()).contains("already named Green Apple");
        assertThat(api.refused(400, REBRAND, path, "{\"name\": \"\", \"description\": \"Sour\"}").message())
                .isEqualTo("name is required");
        assertThat(api.refused(400, REBRAND, path, "{\"name\": \"Red Apple\"}").message())
                .isEqualTo("description: is required");
        assertThat(api.refused(400, REBRAND, path, "{\"name\": \"Red Apple\", \"description\": 1}").message())
                .isEqualTo("description: must be a string");
    }

    @Test
    void anIncreaseMustRaiseThePriceAndAnnouncesTheNewPriceAndTheDelta() {
        String id = api.addProduct(storeId, "Apple", "10.00");
        String path = "/api/stores/products/" + id + "/increasePrice";

        Response increased = api.send(INCREASE, path, "{\"price\": 12.5}");

        assertThat(increased.status()).isEqualTo(200);
        assertThat(increased.body().get("price").asText()).isEqualTo("12.50");
        assertThat(api.published().getLast().data())
                .isEqualTo(new ProductPriceIncreased(id, Money.of("12.50"), Money.of("2.50")));
        assertThat(api.published().getLast().metadata().aggregateVersion()).isEqualTo(2L);

        assertThat(api.refused(409, INCREASE, path, "{\"price\": \"12.50\"}").message())
                .contains("an increase must raise the price");
        assertThat(api.refused(409, INCREASE, path, "{\"price\": 11}").message())
                .contains("an increase must raise the price");
        assertThat(api.refused(400, INCREASE, path, "{\"price\": 0}").message()).startsWith("price must be more");
        assertThat(api.refused(400, INCREASE, path, "{\"price\": -20}").message()).startsWith("price must be more");
        assertThat(api.refused(400, INCREASE, path, "{}").message()).isEqualTo("price: is required");
        assertThat(api.refused(400, INCREASE, path, "{\"price\": \"a lot\"}").message()).startsWith("price: ");
    }

    @Test
    void aDecreaseMustLowerThePriceAndAnnouncesTheNewPriceAndANegativeDelta() {
        String id = api.addProduct(storeId, "Apple", "12.50");
        String path = "/api/stores/products/" + id + "/decreasePrice";

        Response decreased = api.send(DECREASE, path, "{\"price\": \"9.99\"}");

        assertThat(decreased.status()).isEqualTo(200);
        assertThat(decreased.body().get("price").asText()).isEqualTo("9.99");
        assertThat(api.published().getLast().data())
                .isEqualTo(new ProductPriceDecreased(id, Money.of("9.99"), Money.of("-2.51")));
        assertThat(api.published().getLast().metadata().aggregateVersion()).isEqualTo(2L);

        assertThat(api.refused(409, DECREASE, path, "{\"price\": 9.99}").message())
                .contains("a decrease must lower the price");
        assertThat(api.refused(409, DECREASE, path, "{\"price\": 15}").message())
                .contains("a decrease must lower the price");
        assertThat(api.refused(400, DECREASE, path, "{\"price\": 0.00}").message()).startsWith("price must be more");
        assertThat(api.refused(400, DECREASE, path, "{\"price\": 1, \"currency\": \"EUR\"}").message())
                .isEqualTo("currency: unknown field");
    }

    @Test
    void aRemovedProductIsGoneForEveryRoute() {
        String id = api.addProduct(storeId, "Apple", "2.00");
        String kept = api.addProduct(storeId, "Banana", "1.00");
        String product = "/api/stores/products/" + id;

        Response removed = api.send(REMOVE, product);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isNull();
        assertThat(api.published().getLast().data()).isEqualTo(new ProductRemoved(id));
        assertThat(api.published().getLast().metadata().aggregateVersion()).isEqualTo(2L);
        assertThat(productNames(api.send(LIST, "/api/stores/" + storeId + "/products"))).containsExactly("Banana");
        Map<String, AttributeValue> catalogItem = api.productItems(id).getFirst();
        assertThat(catalogItem).doesNotContainKey("catalogStoreId");
        assertThat(catalogItem.get("removed").bool()).isTrue();

        assertThat(api.refused(404, GET, product, null).message()).isEqualTo("product " + id + " not found");
        assertThat(api.refused(404, REMOVE, product, null).message()).contains("was removed");
        api.refused(404, REBRAND, product + "/rebrand", "{\"name\": \"Pear\", \"description\": \"\"}");
        api.refused(404, INCREASE, product + "/increasePrice", "{\"price\": 5}");
        api.refused(404, DECREASE, product + "/decreasePrice", "{\"price\": 1}");
        assertThat(api.send(GET, "/api/stores/products/" + kept).status()).isEqualTo(200);
    }

    @Test
    void anUnknownProductIsNotFoundOnEveryRoute() {
        for (String id : List.of(UUID.randomUUID().toString(), storeId)) {
            String product = "/api/stores/products/" + id;
            assertThat(api.refused(404, GET, product, null).message()).isEqualTo("product " + id + " not found");
            api.refused(404, REMOVE, product, null);
            api.refused(404, REBRAND, product + "/rebrand", "{\"name\": \"Pear\", \"description\": \"\"}");
            api.refused(404, INCREASE, product + "/increasePrice", "{\"price\": 5}");
            api.refused(404, DECREASE, product + "/decreasePrice", "{\"price\": 1}");
        }
    }

    @Test
    void theCatalogListsAStoresProductsByNameAndOnlyThose() {
        String other = api.createStore("Hardware", "Level 2");
        String empty = api.createStore("Empty", "Level 3");
        String cherry = api.addProduct(storeId, "Cherry", "4.00");
        api.addProduct(storeId, "Apple", "1.25");
        api.addProduct(other, "Hammer", "15.00");
        api.send(INCREASE, "/api/stores/products/" + cherry + "/increasePrice", "{\"price\": 4.5}");

        Response catalog = api.send(LIST, "/api/stores/" + storeId + "/products");

        assertThat(productNames(catalog)).containsExactly("Apple", "Cherry");
        assertThat(catalog.body().get("products").get(1)).isEqualTo(json("{\"id\":\"" + cherry + "\",\"storeId\":\""
                + storeId + "\",\"name\":\"Cherry\",\"description\":\"Cherry description\",\"sku\":\"SKU-Cherry\","
                + "\"price\":\"4.50\"}"));
        assertThat(productNames(api.send(LIST, "/api/stores/" + other + "/products"))).containsExactly("Hammer");
        assertThat(api.send(LIST, "/api/stores/" + empty + "/products").body())
                .isEqualTo(json("{\"products\":[]}"));
    }

    private String add(String jsonBody) {
        Response added = api.send(ADD, "/api/stores/" + storeId + "/products", jsonBody);
        assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
        return added.text("id");
    }

    private static String body(String name, String sku, String price) {
        return "{\"name\": \"" + name + "\", \"description\": \"\", \"sku\": \"" + sku + "\", \"price\": " + price + "}";
    }

    private static List<String> productNames(Response listing) {
        assertThat(listing.status()).isEqualTo(200);
        return listing.body().get("products").valueStream().map(product -> product.get("name").asText()).toList();
    }
}
