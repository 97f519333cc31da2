package mallbots.messages.stores;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.stores. A product's price went up: price is the new price, delta =
 * new minus old.
 */
public record ProductPriceIncreased(String productId, Money price, Money delta) {

    public ProductPriceIncreased {
        Require.id(productId, "productId");
        Require.notNegative(price, "price");
        Require.present(delta, "delta");
    }
}
