package mallbots.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.Versioned;
import org.junit.jupiter.api.Test;

class CachedProductTest {

    private static final UnaryOperator<CachedProduct> ADDED =
            p -> p.added("s-1", "Apple", Money.of("1.50"), 1);
    private static final UnaryOperator<CachedProduct> REBRANDED = p -> p.rebranded("Green Apple", 2);
    private static final UnaryOperator<CachedProduct> INCREASED = p -> p.repriced(Money.of("2.00"), 3);
    private static final UnaryOperator<CachedProduct> DECREASED = p -> p.repriced(Money.of("1.80"), 4);

    @Test
    void anUnseenProductIsNotAvailable() {
        CachedProduct unseen = CachedProduct.unseen("p-1");

        assertThat(unseen.available()).isFalse();
    }

    @Test
    void productAddedMakesItAvailable() {
        CachedProduct added = ADDED.apply(CachedProduct.unseen("p-1"));

        assertThat(added).isEqualTo(new CachedProduct("p-1", "s-1", new Versioned<>("Apple", 1),
                new Versioned<>(Money.of("1.50"), 1)));
        assertThat(added.available()).isTrue();
    }

    @Test
    void eachEventChangesItsPart() {
        CachedProduct product = apply(List.of(ADDED, REBRANDED, INCREASED, DECREASED));

        assertThat(product).isEqualTo(new CachedProduct("p-1", "s-1", new Versioned<>("Green Apple", 2),
                new Versioned<>(Money.of("1.80"), 4)));
    }

    @Test
    void aRebrandDeliveredAfterALaterPriceChangeStillRenames() {
        CachedProduct product = apply(List.of(ADDED, INCREASED, REBRANDED));

        assertThat(product.name().value()).isEqualTo("Green Apple");
        assertThat(product.price().value()).isEqualTo(Money.of("2.00"));
    }

    @Test
    void aPriceChangeSeenBeforeTheProductWasAddedIsKept() {
        CachedProduct early = INCREASED.apply(CachedProduct.unseen("p-1"));
        assertThat(early.available()).isFalse();

        CachedProduct product = ADDED.apply(early);

        assertThat(product.available()).isTrue();
        assertThat(product.price().value()).isEqualTo(Money.of("2.00"));
        assertThat(product.name().value()).isEqualTo("Apple");
    }

    @Test
    void duplicatesChangeNothing() {
        CachedProduct once = apply(List.of(ADDED, REBRANDED, INCREASED));

        assertThat(REBRANDED.apply(once)).isEqualTo(once);
        assertThat(ADDED.apply(INCREASED.apply(once))).isEqualTo(once);
    }

    @Test
    void everyOrderOfTheEventsGivesTheSameEntry() {
        List<UnaryOperator<CachedProduct>> events = List.of(ADDED, REBRANDED, INCREASED, DECREASED);
        CachedProduct inOrder = apply(events);

        for (List<UnaryOperator<CachedProduct>> order : permutations(events)) {
            assertThat(apply(order)).isEqualTo(inOrder);
        }
    }

    private static CachedProduct apply(List<UnaryOperator<CachedProduct>> events) {
        CachedProduct product = CachedProduct.unseen("p-1");
        for (UnaryOperator<CachedProduct> event : events) {
            product = event.apply(product);
        }
        return product;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
