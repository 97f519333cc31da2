package mallbots.stores.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.domain.VersionedEvent;
import mallbots.stores.domain.ProductEvent.ProductAdded;
import mallbots.stores.domain.ProductEvent.ProductPriceDecreased;
import mallbots.stores.domain.ProductEvent.ProductPriceIncreased;
import mallbots.stores.domain.ProductEvent.ProductRebranded;
import mallbots.stores.domain.ProductEvent.ProductRemoved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    private static final Money TEN = Money.of("10.00");

    @Test
    void addsAProductWithTrimmedFields() {
        Product product = Product.add("p-1", "s-1", " Apple ", " Crisp ", " APL-1 ", TEN);

        assertThat(product.snapshot())
                .isEqualTo(new ProductSnapshot("s-1", "Apple", "Crisp", "APL-1", TEN, false));
        assertThat(product.uncommittedEvents()).containsExactly(
                new VersionedEvent<>(1, new ProductAdded("s-1", "Apple", "Crisp", "APL-1", TEN)));
    }

    @Test
    void theDescriptionMayBeEmpty() {
        assertThat(Product.add("p-1", "s-1", "Apple", "", "APL-1", TEN).description()).isEmpty();
        assertThat(Product.add("p-1", "s-1", "Apple", null, "APL-1", TEN).description()).isEmpty();
    }

    @Test
    void refusesAMissingNameSkuOrStore() {
        assertThatThrownBy(() -> Product.add("p-1", "s-1", " ", "", "APL-1", TEN))
                .isInstanceOf(InvalidValue.class).hasMessage("name is required");
        assertThatThrownBy(() -> Product.add("p-1", "s-1", "Apple", "", null, TEN))
                .isInstanceOf(InvalidValue.class).hasMessage("sku is required");
        assertThatThrownBy(() -> Product.add("p-1", "", "Apple", "", "APL-1", TEN))
                .isInstanceOf(InvalidValue.class).hasMessage("storeId is required");
        assertThatThrownBy(() -> Product.add("p-1", "s-1", "Apple", "", "APL-1", null))
                .isInstanceOf(InvalidValue.class).hasMessage("price is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1.50"})
    void aPriceIsAboveZeroWhateverTheCommand(String price) {
        Money money = Money.of(price);
        assertThatThrownBy(() -> Product.add("p-1", "s-1", "Apple", "", "APL-1", money))
                .isInstanceOf(InvalidValue.class).hasMessageStartingWith("price must be more than 0.00, was ");

        Product product = added();
        assertThatThrownBy(() -> product.increasePrice(money)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> product.decreasePrice(money)).isInstanceOf(InvalidValue.class);
        assertThat(product.uncommittedEvents()).isEmpty();
    }

    @Test
    void rebrandsNameAndDescription() {
        Product product = added();

        product.rebrand(" Green Apple ", null);

        assertThat(product.name()).isEqualTo("Green Apple");
        assertThat(product.description()).isEmpty();
        assertThat(product.uncommittedEvents())
                .containsExactly(new VersionedEvent<>(2, new ProductRebranded("Green Apple", "")));
    }

    @Test
    void aRebrandMustChangeSomething() {
        Product product = added();

        assertThatThrownBy(() -> product.rebrand("Apple", "Crisp"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("product p-1 is already named Apple with that description");
        assertThatThrownBy(() -> product.rebrand(" ", "Crisp"))
                .isInstanceOf(InvalidValue.class).hasMessage("name is required");

        product.rebrand("Apple", "Juicy");
        assertThat(product.description()).isEqualTo("Juicy");
    }

    @Test
    void anIncreaseCarriesTheNewPriceAndAPositiveDelta() {
        Product product = added();

        product.increasePrice(Money.of("12.50"));

        assertThat(product.price()).isEqualTo(Money.of("12.50"));
        assertThat(product.uncommittedEvents()).containsExactly(new VersionedEvent<>(2,
                new ProductPriceIncreased(Money.of("12.50"), Money.of("2.50"))));
    }

    @Test
    void anIncreaseMustRaiseThePrice() {
        Product product = added();

        assertThatThrownBy(() -> product.increasePrice(TEN)).isInstanceOf(RuleViolation.class)
                .hasMessage("an increase must raise the price of product p-1 above 10.00, but 10.00 does not");
        assertThatThrownBy(() -> product.increasePrice(Money.of("9.99"))).isInstanceOf(RuleViolation.class);
        assertThat(product.uncommittedEvents()).isEmpty();
    }

    @Test
    void aDecreaseCarriesTheNewPriceAndANegativeDelta() {
        Product product = added();

        product.decreasePrice(Money.of("7.25"));

        assertThat(product.price()).isEqualTo(Money.of("7.25"));
        assertThat(product.uncommittedEvents()).containsExactly(new VersionedEvent<>(2,
                new ProductPriceDecreased(Money.of("7.25"), Money.of("-2.75"))));
    }

    @Test
    void aDecreaseMustLowerThePriceAndStayAboveZero() {
        Product product = added();

        assertThatThrownBy(() -> product.decreasePrice(TEN)).isInstanceOf(RuleViolation.class)
                .hasMessage("a decrease must lower the price of product p-1 below 10.00, but 10.00 does not");
        assertThatThrownBy(() -> product.decreasePrice(Money.of("10.01"))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> product.decreasePrice(Money.ZERO)).isInstanceOf(InvalidValue.class);
        product.decreasePrice(Money.of("0.01"));
        assertThat(product.price()).isEqualTo(Money.of("0.01"));
    }

    @Test
    void aRemovedProductRefusesEveryLaterCommandAsNotFound() {
        Product product = added();

        product.remove();

        assertThat(product.removed()).isTrue();
        assertThat(product.uncommittedEvents()).containsExactly(new VersionedEvent<>(2, new ProductRemoved("s-1")));
        List<Consumer<Product>> commands = List.of(
                Product::remove,
                p -> p.rebrand("Pear", ""),
                p -> p.increasePrice(Money.of("20.00")),
                p -> p.decreasePrice(Money.of("1.00")));
        for (Consumer<Product> command : commands) {
            assertThatThrownBy(() -> command.accept(product))
                    .isInstanceOf(NotFound.class).hasMessage("product p-1 was removed");
        }
        assertThat(product.currentVersion()).isEqualTo(2);
        assertThatThrownBy(() -> CatalogProduct.of(product)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replayingTheEventsGivesTheStateTheCommandsMade() {
        Product product = Product.add("p-1", "s-1", "Apple", "Crisp", "APL-1", TEN);
        product.increasePrice(Money.of("11.00"));
        product.rebrand("Green Apple", "Sour");
        product.decreasePrice(Money.of("9.50"));
        product.remove();

        Product replayed = replay("p-1", product.uncommittedEvents());

        assertThat(replayed.snapshot()).isEqualTo(product.snapshot())
                .isEqualTo(new ProductSnapshot("s-1", "Green Apple", "Sour", "APL-1", Money.of("9.50"), true));
        assertThat(replayed.version()).isEqualTo(5);
    }

    @Test
    void aRestoredSnapshotEqualsTheReplayAndTakesFurtherCommands() {
        Product product = Product.add("p-1", "s-1", "Apple", "Crisp", "APL-1", TEN);
        product.increasePrice(Money.of("11.00"));
        product.rebrand("Green Apple", "Sour");

        Product restored = new Product("p-1");
        restored.restoreSnapshot(3, product.snapshot());

        Product replayed = replay("p-1", product.uncommittedEvents());
        assertThat(restored.snapshot()).isEqualTo(replayed.snapshot());
        assertThat(restored.version()).isEqualTo(replayed.version());

        restored.decreasePrice(Money.of("10.50"));
        assertThat(restored.uncommittedEvents()).containsExactly(new VersionedEvent<>(4,
                new ProductPriceDecreased(Money.of("10.50"), Money.of("-0.50"))));
    }

    @Test
    void theCatalogShowsTheWholeState() {
        Product product = Product.add("p-1", "s-1", "Apple", "Crisp", "APL-1", TEN);
        product.increasePrice(Money.of("11.00"));

        assertThat(CatalogProduct.of(product))
                .isEqualTo(new CatalogProduct("p-1", "s-1", "Apple", "Crisp", "APL-1", Money.of("11.00")));
    }

    private static Product added() {
        Product product = Product.add("p-1", "s-1", "Apple", "Crisp", "APL-1", TEN);
        product.markCommitted();
        return product;
    }

    private static Product replay(String id, List<VersionedEvent<ProductEvent>> events) {
        Product product = new Product(id);
        events.forEach(product::replay);
        return product;
    }
}
