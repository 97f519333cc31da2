package mallbots.baskets.handlers;

import static mallbots.baskets.handlers.BasketsTestbed.priceIncreased;
import static mallbots.baskets.handlers.BasketsTestbed.productRebranded;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mallbots.baskets.handlers.BasketsTestbed.Response;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.Test;

/**
 * Writers racing for the same item: every basket command and every cache update counts once,
 * because each write is conditional on the version read and the loser reads again and retries.
 */
class BasketsConcurrencyTest {

    private static final MessageCodec STORES = new MessageCodec(StoresMessages.ALL);

    private final BasketsTestbed baskets = new BasketsTestbed();
    private final String storeId = UUID.randomUUID().toString();

    @Test
    void concurrentAdditionsToOneBasketAllCount() throws Exception {
        String apple = baskets.stockedProduct(storeId, "Corner Shop", "Apple", "1.50");
        String basket = baskets.startBasket();

        List<Response> answers = race(4, () -> baskets.addItem(basket, apple, 1));

        assertThat(answers).extracting(Response::status).containsOnly(200);
        Response read = baskets.get(basket);
        assertThat(read.json().get("items").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(baskets.historyOf(basket)).hasSize(5);
    }

    @Test
    void fiftyConcurrentAdditionsOfOneUnitEachEndWithFifty() throws Exception {
        String apple = baskets.stockedProduct(storeId, "Corner Shop", "Apple", "1.50");
        String basket = baskets.startBasket();

        List<Response> answers = mallbots.platform.testing.Race.run(java.util.Collections.nCopies(50, apple),
                product -> baskets.addItem(basket, product, 1));

        // the losers of each write read again and retry, with jitter, inside the function
        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(baskets.get(basket).json().get("items").get(0).get("quantity").asInt()).isEqualTo(50);
    }

    @Test
    void concurrentEventsOfOneProductAllReachItsCacheEntry() throws Exception {
        String apple = baskets.stockedProduct(storeId, "Corner Shop", "Apple", "1.50");
        List<Message<?>> events = List.of(productRebranded(apple, "Green Apple", 2),
                priceIncreased(apple, "1.50", "2.00", 3), productRebranded(apple, "Golden Apple", 4),
                priceIncreased(apple, "2.00", "2.20", 5));
        // received one by one beforehand, so that only the handling races
        List<Callable<SQSBatchResponse>> deliveries = new ArrayList<>();
        for (Message<?> event : events) {
            SqsEvents.send(baskets.sqs, baskets.queueUrl, EventBridgeEvents.of(event, STORES));
            SQSEvent received = SqsEvents.receive(baskets.sqs, baskets.queueUrl, 1);
            deliveries.add(() -> baskets.events.handleRequest(received, null));
        }

        List<SQSBatchResponse> responses = race(deliveries);

        assertThat(responses).allSatisfy(response -> assertThat(response.getBatchItemFailures()).isEmpty());
        String basket = baskets.startBasket();
        var line = baskets.addItem(basket, apple, 1).json().get("items").get(0);
        assertThat(line.get("productName").asText()).isEqualTo("Golden Apple");
        assertThat(line.get("price").asText()).isEqualTo("2.20");
    }

    private static <T> List<T> race(int writers, Callable<T> writer) throws Exception {
        List<Callable<T>> all = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            all.add(writer);
        }
        return race(all);
    }

    private static <T> List<T> race(List<Callable<T>> writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(writers)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
