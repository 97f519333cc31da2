package mallbots.baskets.application;

import java.util.Objects;
import mallbots.platform.domain.NotFound;

/** Reads a basket. */
public final class GetBasket {

    private final BasketRepository baskets;

    public GetBasket(BasketRepository baskets) {
        this.baskets = Objects.requireNonNull(baskets, "baskets");
    }

    /** @throws NotFound if there is no such basket */
    public BasketView get(String basketId) {
        return baskets.find(basketId).map(BasketView::of).orElseThrow(() -> NotFound.of("basket", basketId));
    }
}
