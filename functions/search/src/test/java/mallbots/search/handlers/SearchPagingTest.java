package mallbots.search.handlers;

import static mallbots.search.handlers.SearchTestbed.id;
import static mallbots.search.handlers.SearchTestbed.orderApproved;
import static mallbots.search.handlers.SearchTestbed.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.messaging.Message;
import mallbots.search.handlers.SearchTestbed.Line;
import org.junit.jupiter.api.Test;

/** 25 orders read 10 at a time, on every kind of index: each exactly once, newest first. */
class SearchPagingTest {

    private final SearchTestbed search = new SearchTestbed();

    @Test
    void twentyFiveOrdersInPagesOfTenOnEveryIndex() {
        String customer = id();
        String store = id();
        String product = id();
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        List<String> newestFirst = new ArrayList<>();
        List<Message<?>> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String orderId = id();
            newestFirst.addFirst(orderId);
            // two orders share each instant: the order id breaks the tie
            events.add(orderCreated(orderId, customer, t0.plusSeconds(i / 2), new Line(store, product)));
            events.add(orderApproved(orderId, customer, 2));
        }
        search.deliverOk(events);
        List<String> oldestFirst = newestFirst.reversed();

        for (String filters : List.of("\"customerId\":\"" + customer + "\"", "\"storeIds\":[\"" + store + "\"]",
                "\"productIds\":[\"" + product + "\"]",
                "\"status\":\"approved\",\"createdAfter\":\"2026-10-01T00:00:00Z\",\"createdBefore\":\"2026-10-02T00:00:00Z\"")) {
            List<Integer> sizes = new ArrayList<>();
            List<String> ids = search.searchAll(filters, 10, sizes);
            assertThat(ids).as(filters).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(newestFirst);
            assertThat(sizes).as(filters).containsExactly(10, 10, 5);
            // newest first: the creation instants never increase down the list
            List<Integer> seconds = ids.stream().map(id -> oldestFirst.indexOf(id) / 2).toList();
            assertThat(seconds).as(filters).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }
}
