package mallbots.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import mallbots.platform.domain.Money;
import org.junit.jupiter.api.Test;

/** The read model of one order merges its events to the same end in every order of arrival. */
class SearchOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private static final Placement PLACEMENT = new Placement("c-1",
            List.of(new OrderLine("p-1", "s-1", "Shop", "Apple", Money.of("1.00"), 3)), Money.of("3.00"), T0);

    @Test
    void everyPermutationOfTheEventsEndsInTheNewestStatusAndLatestUpdate() {
        List<UnaryOperator<SearchOrder>> events = List.of(
                order -> order.created(PLACEMENT, 1),
                order -> order.changed(SearchOrderStatus.APPROVED, 2, T0.plusSeconds(10)),
                order -> order.changed(SearchOrderStatus.CANCELED, 3, T0.plusSeconds(20)));
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            List<UnaryOperator<SearchOrder>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            SearchOrder order = SearchOrder.unseen("o-1");
            for (UnaryOperator<SearchOrder> event : shuffled) {
                order = event.apply(order);
            }
            assertThat(order.visible()).isTrue();
            assertThat(order.status().value()).isEqualTo(SearchOrderStatus.CANCELED);
            assertThat(order.status().version()).isEqualTo(3);
            assertThat(order.placement()).isEqualTo(PLACEMENT);
            assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(20));
        }
    }

    @Test
    void anOrderIsInvisibleUntilItsPlacementIsKnown() {
        SearchOrder early = SearchOrder.unseen("o-1").changed(SearchOrderStatus.REJECTED, 2, T0);
        assertThat(early.visible()).isFalse();
        assertThat(early.created(PLACEMENT, 1).visible()).isTrue();
        assertThat(early.created(PLACEMENT, 1).status().value()).isEqualTo(SearchOrderStatus.REJECTED);
        assertThat(PLACEMENT.storeIds()).containsExactly("s-1");
        assertThat(SearchOrderStatus.ofWord("ready")).contains(SearchOrderStatus.READY);
        assertThat(SearchOrderStatus.ofWord("Ready")).isEmpty();
    }
}
