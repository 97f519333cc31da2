package mallbots.stores.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import mallbots.messages.stores.ProductPriceIncreased;
import mallbots.messages.stores.StoreParticipationToggled;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.testing.Race;
import mallbots.stores.handlers.StoresApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands racing on one aggregate: each loser of the conditional write reloads and decides
 * again, so the rules hold across requests, the versions stay consecutive, and the read model
 * ends on the newest view.
 */
class ConcurrentCommandsTest {

    private static final int RACERS = 6;

    private StoresApi api;

    @BeforeEach
    void newTable() {
        api = new StoresApi(StoresApi.newTable());
    }

    @Test
    void ofManyRacingEnablesExactlyOneWins() throws Exception {
        String id = api.createStore("Race Track", "Level 1");

        List<Integer> statuses = race(i -> api.send("PUT /api/stores/{id}/participating",
                "/api/stores/" + id + "/participating").status());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(api.payloads()).filteredOn(StoreParticipationToggled.class::isInstance)
                .containsExactly(new StoreParticipationToggled(id, true));
        assertThat(api.storeItems(id)).extracting(item -> item.get("sk").n()).containsExactly("0", "1", "2");
        assertThat(api.storeItems(id).getFirst().get("participatingMall").s()).isEqualTo("store");
    }

    @Test
    void racingPriceIncreasesKeepEveryIncreaseAnIncreaseAndTheCatalogOnTheNewestPrice() throws Exception {
        String storeId = api.createStore("Auction House", "Level 2");
        String id = api.addProduct(storeId, "Painting", "10.00");

        List<Integer> statuses = race(i -> api.send("PUT /api/stores/products/{id}/increasePrice",
                "/api/stores/products/" + id + "/increasePrice", "{\"price\": " + (11 + i) + "}").status());

        assertThat(statuses).containsOnly(200, 409).contains(200);
        List<Message<?>> increases = api.published().stream()
                .filter(message -> message.data() instanceof ProductPriceIncreased).toList();
        assertThat(increases).hasSize((int) statuses.stream().filter(status -> status == 200).count());
        Money previous = Money.of("10.00");
        long version = 1;
        for (Message<?> message : increases) {
            ProductPriceIncreased increase = (ProductPriceIncreased) message.data();
            assertThat(increase.price()).isGreaterThan(previous);
            assertThat(increase.delta()).isEqualTo(increase.price().minus(previous));
            assertThat(message.metadata().aggregateVersion()).isEqualTo(++version);
            previous = increase.price();
        }
        Response product = api.send("GET /api/stores/products/{id}", "/api/stores/products/" + id);
        assertThat(product.body().get("price").asText()).isEqualTo(previous.toString());
        Response catalog = api.send("GET /api/stores/{storeId}/products", "/api/stores/" + storeId + "/products");
        assertThat(catalog.body().get("products")).containsExactly(product.body());
        assertThat(api.productItems(id).getFirst().get("aggregateVersion").n()).isEqualTo(Long.toString(version));
    }

    private interface Racer {
        int run(int index) throws Exception;
    }

    /** Runs the racers together, released at once; their answers in racer order. */
    private static List<Integer> race(Racer racer) throws Exception {
        return Race.run(IntStream.range(0, RACERS).boxed().toList(), racer::run);
    }
}
