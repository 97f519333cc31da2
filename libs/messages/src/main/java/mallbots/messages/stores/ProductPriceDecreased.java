package mallbots.messages.stores;

import mallbots.messages.Require;
import mallbots.platform.domain.Money;

/**
 * Integration event from mallbots.stores. A product's price went down: price is the new price, delta =
 * new minus old (negative).
 */
public record ProductPriceDecreased(String productId, Money price, Money delta) {

    public ProductPriceDecreased {
        Require.id(productId, "productId");
        Require.notNegative(price, "price");
        Require.present(delta, "delta");
    }
}
