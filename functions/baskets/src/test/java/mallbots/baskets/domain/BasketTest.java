package mallbots.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import mallbots.baskets.domain.BasketEvent.BasketCanceled;
import mallbots.baskets.domain.BasketEvent.BasketCheckedOut;
import mallbots.baskets.domain.BasketEvent.BasketItemAdded;
import mallbots.baskets.domain.BasketEvent.BasketItemRemoved;
import mallbots.baskets.domain.BasketEvent.BasketStarted;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.domain.VersionedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasketTest {

    private static final ProductInfo APPLE =
            new ProductInfo("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.50"));
    private static final ProductInfo BREAD =
            new ProductInfo("s-2", "p-2", "Bakery", "Bread", Money.of("3.00"));

    @Test
    void startsOpenAndEmpty() {
        Basket basket = Basket.start("b-1", " c-1 ");

        assertThat(basket.snapshot()).isEqualTo(new BasketSnapshot("c-1", null, BasketStatus.OPEN, List.of()));
        assertThat(basket.total()).isEqualTo(Money.ZERO);
        assertThat(basket.uncommittedEvents()).containsExactly(new VersionedEvent<>(1, new BasketStarted("c-1")));
        assertThatThrownBy(() -> Basket.start("b-1", " ")).isInstanceOf(InvalidValue.class)
                .hasMessage("customerId is required");
    }

    @Test
    void addsItemsWithTheNamesAndPricesOfTheCaches() {
        Basket basket = started();

        basket.addItem(APPLE, 2);
        basket.addItem(BREAD, 1);

        assertThat(basket.items()).containsExactly(
                new BasketItem("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.50"), 2),
                new BasketItem("s-2", "p-2", "Bakery", "Bread", Money.of("3.00"), 1));
        assertThat(basket.total()).isEqualTo(Money.of("6.00"));
        assertThat(basket.uncommittedEvents()).containsExactly(
                new VersionedEvent<>(2, new BasketItemAdded("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.50"), 2)),
                new VersionedEvent<>(3, new BasketItemAdded("s-2", "p-2", "Bakery", "Bread", Money.of("3.00"), 1)));
    }

    @Test
    void addingAProductAgainAddsToItsLineWhichTakesTheLatestPriceAndNames() {
        Basket basket = started();
        basket.addItem(APPLE, 2);

        basket.addItem(new ProductInfo("s-1", "p-1", "Corner Market", "Green Apple", Money.of("1.75")), 3);

        assertThat(basket.items()).containsExactly(
                new BasketItem("s-1", "p-1", "Corner Market", "Green Apple", Money.of("1.75"), 5));
        assertThat(basket.total()).isEqualTo(Money.of("8.75"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aQuantityIsAtLeastOne(int quantity) {
        Basket basket = started();
        basket.addItem(APPLE, 1);

        assertThatThrownBy(() -> basket.addItem(BREAD, quantity)).isInstanceOf(InvalidValue.class)
                .hasMessage("quantity must be at least 1, was " + quantity);
        assertThatThrownBy(() -> basket.removeItem("p-1", quantity)).isInstanceOf(InvalidValue.class);
        assertThat(basket.currentVersion()).isEqualTo(2);
    }

    @Test
    void aLineCannotOverflow() {
        Basket basket = started();
        basket.addItem(APPLE, Integer.MAX_VALUE);

        assertThatThrownBy(() -> basket.addItem(APPLE, 1)).isInstanceOf(RuleViolation.class)
                .hasMessage("basket b-1 cannot hold that many of product p-1");
    }

    @Test
    void removesPartOfALineAndTheWholeLine() {
        Basket basket = started();
        basket.addItem(APPLE, 3);
        basket.addItem(BREAD, 1);

        basket.removeItem("p-1", 2);
        assertThat(basket.items()).containsExactly(
                new BasketItem("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.50"), 1),
                new BasketItem("s-2", "p-2", "Bakery", "Bread", Money.of("3.00"), 1));

        basket.removeItem("p-1", 1);
        assertThat(basket.items()).extracting(BasketItem::productId).containsExactly("p-2");
        assertThat(basket.total()).isEqualTo(Money.of("3.00"));
        assertThat(basket.uncommittedEvents()).endsWith(
                new VersionedEvent<>(4, new BasketItemRemoved("p-1", 2)),
                new VersionedEvent<>(5, new BasketItemRemoved("p-1", 1)));
    }

    @Test
    void removesNeitherMoreThanThereIsNorWhatIsNotThere() {
        Basket basket = started();
        basket.addItem(APPLE, 2);

        assertThatThrownBy(() -> basket.removeItem("p-1", 3)).isInstanceOf(RuleViolation.class)
                .hasMessage("basket b-1 has only 2 of product p-1, cannot remove 3");
        assertThatThrownBy(() -> basket.removeItem("p-9", 1)).isInstanceOf(RuleViolation.class)
                .hasMessage("basket b-1 has no product p-9");
        assertThatThrownBy(() -> basket.removeItem(" ", 1)).isInstanceOf(InvalidValue.class)
                .hasMessage("productId is required");
        assertThat(basket.items()).hasSize(1);
    }

    @Test
    void checksOutTheLinesWithTheirNamesAndPrices() {
        Basket basket = started();
        basket.addItem(APPLE, 2);
        basket.addItem(BREAD, 1);

        basket.checkOut(" pay-1 ");

        assertThat(basket.status()).isEqualTo(BasketStatus.CHECKED_OUT);
        assertThat(basket.paymentId()).isEqualTo("pay-1");
        assertThat(basket.uncommittedEvents()).last().isEqualTo(new VersionedEvent<>(4,
                new BasketCheckedOut("c-1", "pay-1", List.of(
                        new BasketItem("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.50"), 2),
                        new BasketItem("s-2", "p-2", "Bakery", "Bread", Money.of("3.00"), 1)))));
    }

    @Test
    void checkingOutNeedsAPaymentAndAnItem() {
        Basket basket = started();

        assertThatThrownBy(() -> basket.checkOut("pay-1")).isInstanceOf(RuleViolation.class)
                .hasMessage("basket b-1 is empty: add an item before checking out");
        basket.addItem(APPLE, 1);
        basket.removeItem("p-1", 1);
        assertThatThrownBy(() -> basket.checkOut("pay-1")).isInstanceOf(RuleViolation.class);
        basket.addItem(APPLE, 1);
        assertThatThrownBy(() -> basket.checkOut(null)).isInstanceOf(InvalidValue.class)
                .hasMessage("paymentId is required");
        assertThat(basket.status()).isEqualTo(BasketStatus.OPEN);
    }

    @Test
    void cancelsAnOpenBasket() {
        Basket basket = started();
        basket.addItem(APPLE, 1);

        basket.cancel();

        assertThat(basket.status()).isEqualTo(BasketStatus.CANCELED);
        assertThat(basket.uncommittedEvents()).last().isEqualTo(new VersionedEvent<>(3, new BasketCanceled("c-1")));
    }

    @Test
    void aCanceledBasketRefusesEveryCommand() {
        Basket basket = started();
        basket.addItem(APPLE, 1);
        basket.cancel();

        for (Consumer<Basket> command : everyCommand()) {
            assertThatThrownBy(() -> command.accept(basket)).isInstanceOf(RuleViolation.class)
                    .hasMessage("basket b-1 is canceled");
        }
        assertThat(basket.currentVersion()).isEqualTo(3);
    }

    @Test
    void aCheckedOutBasketRefusesEveryCommand() {
        Basket basket = started();
        basket.addItem(APPLE, 1);
        basket.checkOut("pay-1");

        for (Consumer<Basket> command : everyCommand()) {
            assertThatThrownBy(() -> command.accept(basket)).isInstanceOf(RuleViolation.class)
                    .hasMessage("basket b-1 is checked out");
        }
        assertThat(basket.currentVersion()).isEqualTo(3);
    }

    @Test
    void aValueThatIsNeverRightIsRefusedBeforeTheState() {
        Basket basket = started();
        basket.cancel();

        assertThatThrownBy(() -> basket.addItem(APPLE, 0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> basket.checkOut("")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void replayingTheEventsGivesTheStateTheCommandsMade() {
        Basket basket = Basket.start("b-1", "c-1");
        basket.addItem(APPLE, 3);
        basket.addItem(BREAD, 2);
        basket.removeItem("p-1", 1);
        basket.addItem(new ProductInfo("s-1", "p-1", "Corner Shop", "Apple", Money.of("2.00")), 1);
        basket.removeItem("p-2", 2);
        basket.checkOut("pay-1");

        Basket replayed = replay(basket.uncommittedEvents());

        assertThat(replayed.snapshot()).isEqualTo(basket.snapshot()).isEqualTo(new BasketSnapshot("c-1", "pay-1",
                BasketStatus.CHECKED_OUT,
                List.of(new BasketItem("s-1", "p-1", "Corner Shop", "Apple", Money.of("2.00"), 3))));
        assertThat(replayed.total()).isEqualTo(Money.of("6.00"));
        assertThat(replayed.version()).isEqualTo(7);
    }

    @Test
    void aRestoredSnapshotEqualsTheReplayAndTakesFurtherCommands() {
        Basket basket = Basket.start("b-1", "c-1");
        basket.addItem(BREAD, 1);
        basket.addItem(APPLE, 2);

        Basket restored = new Basket("b-1");
        restored.restoreSnapshot(3, basket.snapshot());

        Basket replayed = replay(basket.uncommittedEvents());
        assertThat(restored.snapshot()).isEqualTo(replayed.snapshot());
        assertThat(restored.items()).extracting(BasketItem::productId).containsExactly("p-2", "p-1");
        assertThat(restored.version()).isEqualTo(replayed.version());

        restored.removeItem("p-2", 1);
        assertThat(restored.uncommittedEvents()).containsExactly(new VersionedEvent<>(4, new BasketItemRemoved("p-2", 1)));
        assertThat(restored.total()).isEqualTo(Money.of("3.00"));
    }

    @Test
    void theStatusHasTheNamesTheApiShows() {
        assertThat(BasketStatus.values()).extracting(BasketStatus::label)
                .containsExactly("open", "canceled", "checked_out");
    }

    private static List<Consumer<Basket>> everyCommand() {
        return List.of(
                b -> b.addItem(APPLE, 1),
                b -> b.removeItem("p-1", 1),
                Basket::cancel,
                b -> b.checkOut("pay-2"));
    }

    private static Basket started() {
        Basket basket = Basket.start("b-1", "c-1");
        basket.markCommitted();
        return basket;
    }

    private static Basket replay(List<VersionedEvent<BasketEvent>> events) {
        Basket basket = new Basket("b-1");
        events.forEach(basket::replay);
        return basket;
    }
}
