package mallbots.baskets.application;

import java.util.Objects;

/** Checks out an open basket that has items, with the payment that will pay for the order. */
public final class CheckOutBasket {

    private final BasketRepository baskets;

    public CheckOutBasket(BasketRepository baskets) {
        this.baskets = Objects.requireNonNull(baskets, "baskets");
    }

    public BasketView checkOut(String basketId, String paymentId) {
        String payment = Identifiers.requireUuid(paymentId, "paymentId");
        return BasketView.of(baskets.change(basketId, basket -> basket.checkOut(payment)));
    }
}
