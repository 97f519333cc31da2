package mallbots.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.NotFound;
import org.junit.jupiter.api.Test;

class ProductInfoTest {

    private static final CachedProduct APPLE =
            CachedProduct.unseen("p-1").added("s-1", "Apple", Money.of("1.50"), 1).repriced(Money.of("1.75"), 2);
    private static final Function<String, Optional<CachedStore>> STORES =
            id -> Optional.ofNullable(Map.of("s-1", CachedStore.unseen("s-1").named("Corner Shop", 4)).get(id));

    @Test
    void takesTheCurrentPriceAndTheStoreName() {
        assertThat(ProductInfo.fromCaches("p-1", Optional.of(APPLE), STORES))
                .isEqualTo(new ProductInfo("s-1", "p-1", "Corner Shop", "Apple", Money.of("1.75")));
    }

    @Test
    void anUnknownOrHalfKnownProductIsNotFound() {
        // a removed product is not found in the cache at all (a tombstone), so it comes as empty too
        assertThatThrownBy(() -> ProductInfo.fromCaches("p-1", Optional.empty(), STORES))
                .isInstanceOf(NotFound.class).hasMessage("product p-1 not found");
        CachedProduct priceOnly = CachedProduct.unseen("p-1").repriced(Money.of("2.00"), 2);
        assertThatThrownBy(() -> ProductInfo.fromCaches("p-1", Optional.of(priceOnly), STORES))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aProductOfAnUnknownStoreIsNotFound() {
        CachedProduct bread = CachedProduct.unseen("p-2").added("s-9", "Bread", Money.of("3.00"), 1);

        assertThatThrownBy(() -> ProductInfo.fromCaches("p-2", Optional.of(bread), STORES))
                .isInstanceOf(NotFound.class).hasMessage("store s-9 not found");
    }

    @Test
    void aPriceIsAboveZero() {
        assertThatThrownBy(() -> new ProductInfo("s-1", "p-1", "Corner Shop", "Apple", Money.ZERO))
                .isInstanceOf(InvalidValue.class).hasMessage("price must be more than 0.00, was 0.00");
        assertThatThrownBy(() -> new ProductInfo("s-1", "p-1", "Corner Shop", "Apple", null))
                .isInstanceOf(InvalidValue.class).hasMessage("price is required");
    }
}
