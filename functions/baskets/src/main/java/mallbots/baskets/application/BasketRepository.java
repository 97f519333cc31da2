package mallbots.baskets.application;

import java.util.Optional;
import java.util.function.Consumer;
import mallbots.baskets.domain.Basket;
import mallbots.platform.domain.NotFound;

/**
 * Where baskets are kept. Saving a basket also announces what happened to it (the integration
 * events of its new domain events), in the same write.
 */
public interface BasketRepository {

    /** The basket as stored, if there is one with that id. */
    Optional<Basket> find(String basketId);

    /** Stores a basket that was just started. */
    void add(Basket basket);

    /**
     * Loads the basket, runs {@code command} on it and stores what it raised. The command may
     * run more than once (another writer changed the basket meanwhile): no side effects in it.
     *
     * @return the basket as stored after the command
     * @throws NotFound if there is no such basket
     */
    Basket change(String basketId, Consumer<Basket> command);
}
