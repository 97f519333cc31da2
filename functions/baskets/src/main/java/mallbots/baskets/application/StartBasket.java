package mallbots.baskets.application;

import java.util.Objects;
import java.util.UUID;
import mallbots.baskets.domain.Basket;

/** A customer starts a basket; the basket gets a new id (the order made from it will take the same id). */
public final class StartBasket {

    private final BasketRepository baskets;

    public StartBasket(BasketRepository baskets) {
        this.baskets = Objects.requireNonNull(baskets, "baskets");
    }

    /** @return the new basket's id */
    public String start(String customerId) {
        String customer = Identifiers.requireUuid(customerId, "customerId");
        Basket basket = Basket.start(UUID.randomUUID().toString(), customer);
        baskets.add(basket);
        return basket.id();
    }
}
