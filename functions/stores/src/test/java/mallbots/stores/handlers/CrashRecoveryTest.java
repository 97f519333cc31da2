package mallbots.stores.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.util.List;
import mallbots.messages.stores.ProductRemoved;
import mallbots.messages.stores.StoreCreated;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.stores.handlers.StoresApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A function that dies right after storing a command's events (before publishing them and before
 * writing the read model): nothing is lost. The sweeper publishes the events; the store's or
 * product's next command writes the whole view again.
 */
class CrashRecoveryTest {

    private String table;
    private StoresApi crashing;
    private StoresApi api;

    @BeforeEach
    void newTable() {
        table = StoresApi.newTable();
        crashing = new StoresApi(table, RecordingPublisher.crashing());
        api = new StoresApi(table);
    }

    @Test
    void aStoreCreatedByACrashingFunctionIsSweptOutAndItsNextCommandListsIt() {
        assertThatThrownBy(() -> crashing.send("POST /api/stores", "/api/stores",
                "{\"name\": \"Phoenix\", \"location\": \"Level 9\"}"))
                .isInstanceOf(RecordingPublisher.SimulatedCrash.class);

        // the history is there, the mall item and the publication are not
        Response mall = api.send("GET /api/stores", "/api/stores");
        assertThat(mall.body().get("stores")).isEmpty();
        String id = api.everything().getFirst().get("pk").s().substring("store#".length());
        assertThat(api.storeItems(id)).extracting(item -> item.get("sk").n()).containsExactly("1");
        assertThat(api.storeItems(id).getFirst().get("outboxPending").s()).isEqualTo("1");
        assertThat(api.send("GET /api/stores/{id}", "/api/stores/" + id).body().get("name").asText())
                .isEqualTo("Phoenix");

        RecordingPublisher swept = RecordingPublisher.accepting();
        new OutboxSweeperFunction(StoresApi.DYNAMO, table, new SchemaCheckingPublisher(swept), Duration.ZERO)
                .handleRequest(scheduledEvent(), null);
        assertThat(swept.published()).extracting(StoresApi::payload)
                .containsExactly(new StoreCreated(id, "Phoenix", "Level 9"));
        assertThat(api.storeItems(id).getFirst()).doesNotContainKey("outboxPending");

        Response enabled = api.send("PUT /api/stores/{id}/participating", "/api/stores/" + id + "/participating");

        assertThat(enabled.status()).isEqualTo(200);
        List<String> participating = api.send("GET /api/stores/participating", "/api/stores/participating").body()
                .get("stores").valueStream().map(store -> store.get("name").asText()).toList();
        assertThat(participating).containsExactly("Phoenix");
        assertThat(api.storeItems(id).getFirst().get("aggregateVersion").n()).isEqualTo("2");
    }

    @Test
    void retryingTheRemovalOfAProductRepairsACatalogThatACrashLeftBehind() {
        String storeId = api.createStore("Grocer", "Level 1");
        String productId = api.addProduct(storeId, "Apple", "1.00");

        assertThatThrownBy(() -> crashing.send("DELETE /api/stores/products/{id}", "/api/stores/products/" + productId))
                .isInstanceOf(RecordingPublisher.SimulatedCrash.class);
        assertThat(listed(storeId)).containsExactly("Apple");

        Response retried = api.send("DELETE /api/stores/products/{id}", "/api/stores/products/" + productId);

        assertThat(retried.status()).isEqualTo(404);
        assertThat(listed(storeId)).isEmpty();
        RecordingPublisher swept = RecordingPublisher.accepting();
        new OutboxSweeperFunction(StoresApi.DYNAMO, table, new SchemaCheckingPublisher(swept), Duration.ZERO)
                .handleRequest(scheduledEvent(), null);
        assertThat(swept.published()).extracting(StoresApi::payload).containsExactly(new ProductRemoved(productId));
    }

    @Test
    void aCommandSucceedsWhenTheBusRefusesItsEventsWhichWaitForTheSweeper() {
        StoresApi busDown = new StoresApi(table, RecordingPublisher.refusing());

        Response created = busDown.send("POST /api/stores", "/api/stores",
                "{\"name\": \"Offline\", \"location\": \"Level 0\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.send(ApiGatewayEvents.defaultRoute("GET", "/api/stores").build()).body().get("stores"))
                .hasSize(1);
        assertThat(api.storeItems(id).get(1).get("outbox").m()).hasSize(1);
        RecordingPublisher swept = RecordingPublisher.accepting();
        new OutboxSweeperFunction(StoresApi.DYNAMO, table, new SchemaCheckingPublisher(swept), Duration.ZERO)
                .handleRequest(scheduledEvent(), null);
        assertThat(swept.published()).extracting(StoresApi::payload)
                .containsExactly(new StoreCreated(id, "Offline", "Level 0"));
        assertThat(api.storeItems(id).get(1).get("outbox").m()).isEmpty();
    }

    private List<String> listed(String storeId) {
        return api.send("GET /api/stores/{storeId}/products", "/api/stores/" + storeId + "/products").body()
                .get("products").valueStream().map(product -> product.get("name").asText()).toList();
    }

    private static ScheduledEvent scheduledEvent() {
        ScheduledEvent event = new ScheduledEvent();
        event.setSource("aws.events");
        event.setDetailType("Scheduled Event");
        return event;
    }
}
