package mallbots.baskets.application;

import java.util.Objects;

/** Takes some of a product out of an open basket; taking all of it removes the line. */
public final class RemoveItemFromBasket {

    private final BasketRepository baskets;

    public RemoveItemFromBasket(BasketRepository baskets) {
        this.baskets = Objects.requireNonNull(baskets, "baskets");
    }

    public BasketView remove(String basketId, String productId, int quantity) {
        return BasketView.of(baskets.change(basketId, basket -> basket.removeItem(productId, quantity)));
    }
}
