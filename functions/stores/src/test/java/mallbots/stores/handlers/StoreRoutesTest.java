package mallbots.stores.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreParticipationToggled;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.stores.handlers.StoresApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store routes through the API function, on dynalite, with every published message schema-checked. */
class StoreRoutesTest {

    private StoresApi api;

    @BeforeEach
    void newTable() {
        api = new StoresApi(StoresApi.newTable());
    }

    @Test
    void creatingAStoreStoresItsHistoryAndItsMallItemAndAnnouncesIt() {
        String id = api.createStore("Corner Shop", "Level 1");

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        Response read = api.send("GET /api/stores/{id}", "/api/stores/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(json(
                "{\"id\":\"" + id + "\",\"name\":\"Corner Shop\",\"location\":\"Level 1\",\"participating\":false}"));

        List<Message<?>> published = api.published();
        assertThat(published).hasSize(1);
        Message<?> created = published.getFirst();
        assertThat(created.type()).isEqualTo(StoresMessages.STORE_CREATED);
        assertThat(created.data()).isEqualTo(new StoreCreated(id, "Corner Shop", "Level 1"));
        assertThat(created.metadata().aggregateId()).isEqualTo(id);
        assertThat(created.metadata().aggregateVersion()).isEqualTo(1L);
        // started by an HTTP request: its own flow
        assertThat(created.metadata().correlationId()).isEqualTo(created.messageId());

        List<Map<String, AttributeValue>> items = api.storeItems(id);
        assertThat(items).extracting(item -> item.get("sk").n()).containsExactly("0", "1");
        Map<String, AttributeValue> mallItem = items.get(0);
        assertThat(mallItem.get("aggregateVersion").n()).isEqualTo("1");
        assertThat(mallItem.get("mall").s()).isEqualTo("store");
        assertThat(mallItem.get("listedName").s()).isEqualTo("Corner Shop");
        assertThat(mallItem).doesNotContainKey("participatingMall");
        assertThat(json(mallItem.get("state").s())).isEqualTo(read.body());
        Map<String, AttributeValue> history = items.get(1);
        assertThat(history.get("events").l()).extracting(event -> event.m().get("type").s())
                .containsExactly("StoreCreated");
        // published right after the write, so nothing is left for the sweeper
        assertThat(history.get("outbox").m()).isEmpty();
        assertThat(history).doesNotContainKey("outboxPending");
    }

    @Test
    void participationIsEnabledAndDisabledOnceEach() {
        String id = api.createStore("Toggle", "Level 2");
        String path = "/api/stores/" + id + "/participating";

        Response enabled = api.send("PUT /api/stores/{id}/participating", path);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.body().get("participating").asBoolean()).isTrue();
        assertThat(api.refused(409, "PUT /api/stores/{id}/participating", path, null).message())
                .contains("already participating");

        Response disabled = api.send("DELETE /api/stores/{id}/participating", path);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("participating").asBoolean()).isFalse();
        assertThat(api.refused(409, "DELETE /api/stores/{id}/participating", path, null).message())
                .contains("already not participating");

        List<Message<?>> published = api.published();
        assertThat(api.payloads()).containsExactly(
                new StoreCreated(id, "Toggle", "Level 2"),
                new StoreParticipationToggled(id, true),
                new StoreParticipationToggled(id, false));
        assertThat(published).extracting(message -> message.metadata().aggregateVersion())
                .containsExactly(1L, 2L, 3L);
        assertThat(published).allSatisfy(message -> assertThat(message.metadata().aggregateId()).isEqualTo(id));
    }

    @Test
    void aStoreIsRebrandedToANewNameOnly() {
        String id = api.createStore("Old Name", "Level 3");
        String path = "/api/stores/" + id + "/rebrand";

        Response rebranded = api.send("PUT /api/stores/{id}/rebrand", path, "{\"name\": \"  New Name \"}");

        assertThat(rebranded.status()).isEqualTo(200);
        assertThat(rebranded.body().get("name").asText()).isEqualTo("New Name");
        assertThat(api.send("GET /api/stores/{id}", "/api/stores/" + id).body().get("name").asText())
                .isEqualTo("New Name");
        assertThat(api.published().getLast().data()).isEqualTo(new StoreRebranded(id, "New Name"));
        assertThat(api.published().getLast().metadata().aggregateVersion()).isEqualTo(2L);

        assertThat(api.refused(409, "PUT /api/stores/{id}/rebrand", path, "{\"name\": \"New Name\"}").message())
                .contains("already named New Name");
        assertThat(api.refused(400, "PUT /api/stores/{id}/rebrand", path, "{\"name\": \" \"}").message())
                .isEqualTo("name is required");
        assertThat(api.refused(400, "PUT /api/stores/{id}/rebrand", path, "{}").message())
                .isEqualTo("name: is required");
        assertThat(api.refused(400, "PUT /api/stores/{id}/rebrand", path, "{\"name\": 7}").message())
                .isEqualTo("name: must be a string");
        assertThat(api.refused(400, "PUT /api/stores/{id}/rebrand", path, "{\"name\": \"x\"").message())
                .startsWith("body: malformed JSON");
        assertThat(api.refused(400, "PUT /api/stores/{id}/rebrand", path, null).message())
                .isEqualTo("body: is required");
    }

    @Test
    void creatingRefusesBadInputAndWritesNothing() {
        String route = "POST /api/stores";
        String path = "/api/stores";

        assertThat(api.refused(400, route, path, "{\"name\": \"\", \"location\": \"L1\"}").message())
                .isEqualTo("name is required");
        assertThat(api.refused(400, route, path, "{\"name\": \"Shop\", \"location\": \"  \"}").message())
                .isEqualTo("location is required");
        assertThat(api.refused(400, route, path, "{\"name\": \"Shop\"}").message())
                .isEqualTo("location: is required");
        assertThat(api.refused(400, route, path, "{\"name\": \"Shop\", \"location\": null}").message())
                .isEqualTo("location: is required");
        assertThat(api.refused(400, route, path, "{\"name\": [\"Shop\"], \"location\": \"L1\"}").message())
                .isEqualTo("name: must be a string");
        assertThat(api.refused(400, route, path, "{\"name\": \"Shop\", \"location\": \"L1\", \"colour\": 1}")
                .message()).isEqualTo("colour: unknown field");
        assertThat(api.refused(400, route, path, "[1]").message()).isEqualTo("body: must be a JSON object");
        assertThat(api.refused(400, route, path, "{name: 1}").message()).startsWith("body: malformed JSON");
        assertThat(api.everything()).isEmpty();
    }

    @Test
    void anUnknownStoreIsNotFoundOnEveryRoute() {
        String unknown = UUID.randomUUID().toString();
        String productOfAnotherStore = api.addProduct(api.createStore("Real", "Level 1"), "Pear", "1.00");

        for (String id : List.of(unknown, productOfAnotherStore)) {
            assertThat(api.refused(404, "GET /api/stores/{id}", "/api/stores/" + id, null).message())
                    .isEqualTo("store " + id + " not found");
            api.refused(404, "PUT /api/stores/{id}/participating", "/api/stores/" + id + "/participating", null);
            api.refused(404, "DELETE /api/stores/{id}/participating", "/api/stores/" + id + "/participating", null);
            api.refused(404, "PUT /api/stores/{id}/rebrand", "/api/stores/" + id + "/rebrand", "{\"name\": \"N\"}");
            api.refused(404, "GET /api/stores/{storeId}/products", "/api/stores/" + id + "/products", null);
            api.refused(404, "POST /api/stores/{storeId}/products", "/api/stores/" + id + "/products",
                    "{\"name\": \"Apple\", \"description\": \"\", \"sku\": \"A-1\", \"price\": 1}");
        }
        // an id that is not a UUID is the same 400 in every context
        assertThat(api.refused(400, "GET /api/stores/{id}", "/api/stores/not-a-uuid", null).message())
                .isEqualTo("id: must be a UUID, was \"not-a-uuid\"");
        assertThat(api.refused(400, "GET /api/stores/{storeId}/products", "/api/stores/not-a-uuid/products", null).message())
                .isEqualTo("storeId: must be a UUID, was \"not-a-uuid\"");
    }

    @Test
    void theMallListsEveryStoreAndTheParticipatingOnesByName() {
        String zeta = api.createStore("Zeta Tools", "Level 1");
        String alpha = api.createStore("Alpha Books", "Level 2");
        String mid = api.createStore("Mid Market", "Level 3");
        api.send("PUT /api/stores/{id}/participating", "/api/stores/" + zeta + "/participating");
        api.send("PUT /api/stores/{id}/participating", "/api/stores/" + mid + "/participating");

        assertThat(names(api.send("GET /api/stores", "/api/stores")))
                .containsExactly("Alpha Books", "Mid Market", "Zeta Tools");
        Response participating = api.send("GET /api/stores/participating", "/api/stores/participating");
        assertThat(names(participating)).containsExactly("Mid Market", "Zeta Tools");
        assertThat(participating.body().get("stores").get(0)).isEqualTo(json("{\"id\":\"" + mid
                + "\",\"name\":\"Mid Market\",\"location\":\"Level 3\",\"participating\":true}"));

        api.send("DELETE /api/stores/{id}/participating", "/api/stores/" + mid + "/participating");
        api.send("PUT /api/stores/{id}/rebrand", "/api/stores/" + zeta + "/rebrand", "{\"name\": \"Aardvark Tools\"}");

        assertThat(names(api.send("GET /api/stores", "/api/stores")))
                .containsExactly("Aardvark Tools", "Alpha Books", "Mid Market");
        // through the $default route too: "participating" is a literal, not a store id
        Response viaDefault = api.send(ApiGatewayEvents.defaultRoute("GET", "/api/stores/participating").build());
        assertThat(names(viaDefault)).containsExactly("Aardvark Tools");
        assertThat(api.storeItems(mid).getFirst()).doesNotContainKey("participatingMall");
        assertThat(api.storeItems(zeta).getFirst().get("participatingMall").s()).isEqualTo("store");
        assertThat(api.storeItems(alpha).getFirst()).doesNotContainKey("participatingMall");
    }

    @Test
    void anEmptyMallListsNoStores() {
        assertThat(api.send("GET /api/stores", "/api/stores").body()).isEqualTo(json("{\"stores\":[]}"));
        assertThat(api.send("GET /api/stores/participating", "/api/stores/participating").body())
                .isEqualTo(json("{\"stores\":[]}"));
    }

    @Test
    void aBusyStoreIsSnapshottedEveryTenVersionsAndStillLoadsRight() {
        String id = api.createStore("Busy", "Level 4");
        String path = "/api/stores/" + id + "/participating";
        for (int i = 0; i < 12; i++) {
            Response toggled = api.send(i % 2 == 0 ? "PUT /api/stores/{id}/participating"
                    : "DELETE /api/stores/{id}/participating", path);
            assertThat(toggled.status()).isEqualTo(200);
        }

        List<Map<String, AttributeValue>> history = api.storeItems(id).subList(1, 14);
        assertThat(history).filteredOn(item -> item.containsKey("snapshot"))
                .extracting(item -> item.get("lastVersion").n()).containsExactly("10");
        assertThat(api.send("GET /api/stores/{id}", "/api/stores/" + id).body().get("participating").asBoolean())
                .isFalse();
        assertThat(api.storeItems(id).getFirst().get("aggregateVersion").n()).isEqualTo("13");
        assertThat(api.published()).extracting(message -> message.metadata().aggregateVersion())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        // and the command after the snapshot still follows its rule
        api.refused(409, "DELETE /api/stores/{id}/participating", path, null);
    }

    @Test
    void anUnknownRouteOrMethodIsAClientError() {
        Response noRoute = api.send(ApiGatewayEvents.defaultRoute("GET", "/api/shops").build());
        assertThat(noRoute.status()).isEqualTo(404);
        Response wrongMethod = api.send(ApiGatewayEvents.defaultRoute("PATCH", "/api/stores").build());
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    private static List<String> names(Response listing) {
        assertThat(listing.status()).isEqualTo(200);
        return listing.body().get("stores").valueStream().map(store -> store.get("name").asText()).toList();
    }

    static JsonNode json(String text) {
        try {
            return mallbots.platform.json.Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
