package mallbots.baskets.application;

import java.util.Objects;
import mallbots.baskets.domain.Basket;

/** The customer gives up an open basket. */
public final class CancelBasket {

    private final BasketRepository baskets;

    public CancelBasket(BasketRepository baskets) {
        this.baskets = Objects.requireNonNull(baskets, "baskets");
    }

    public BasketView cancel(String basketId) {
        return BasketView.of(baskets.change(basketId, Basket::cancel));
    }
}
