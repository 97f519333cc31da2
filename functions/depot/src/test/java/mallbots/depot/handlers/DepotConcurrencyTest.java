package mallbots.depot.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mallbots.messages.depot.DepotMessages;
import org.junit.jupiter.api.Test;

/** Bots racing for one list, and a cancel racing a completion: one wins, the others are refused, the item stays whole. */
class DepotConcurrencyTest {

    private final DepotTestbed depot = new DepotTestbed();

    @Test
    void botsRacingForOneListOneTakesItTheOthersGet409() throws Exception {
        String listId = depot.availableList(UUID.randomUUID().toString());
        int bots = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DepotTestbed.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(bots)) {
            for (int i = 0; i < bots; i++) {
                String body = "{\"botId\": \"bot-" + i + "\"}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return depot.assign(listId, body);
                }));
            }
            start.countDown();
            List<DepotTestbed.Response> responses = new ArrayList<>();
            for (Future<DepotTestbed.Response> answer : answers) {
                responses.add(answer.get());
            }

            List<DepotTestbed.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
            String winner = won.getFirst().json().get("assignedBotId").asText();
            assertThat(depot.list(listId).assignedBotId()).isEqualTo(winner);
            // created, available, assigned: one write for the race
            assertThat(depot.item("shopping#" + listId).orElseThrow().get("version").n()).isEqualTo("3");
        }
    }

    @Test
    void aCancelRacingACompletionEndsInOneOfThemAnnouncedOnce() throws Exception {
        String listId = depot.availableList(UUID.randomUUID().toString());
        depot.assign(listId, "{\"botId\": \"bot-1\"}");
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<DepotTestbed.Response> complete = pool.submit(() -> {
                start.await();
                return depot.complete(listId);
            });
            Future<DepotTestbed.Response> cancel = pool.submit(() -> {
                start.await();
                return depot.cancel(listId);
            });
            start.countDown();

            List<Integer> statuses = List.of(complete.get().status(), cancel.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            int events = depot.published(DepotMessages.SHOPPING_LIST_COMPLETED).size()
                    + depot.published(DepotMessages.SHOPPING_LIST_CANCELED).size();
            assertThat(events).isEqualTo(1);
            String status = depot.list(listId).status().label();
            assertThat(status).isEqualTo(complete.get().status() == 200 ? "completed" : "canceled");
        }
    }
}
