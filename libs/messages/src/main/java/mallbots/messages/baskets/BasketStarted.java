package mallbots.messages.baskets;

import mallbots.messages.Require;

/** Integration event from mallbots.baskets. A customer started a basket. */
public record BasketStarted(String basketId, String customerId) {

    public BasketStarted {
        Require.id(basketId, "basketId");
        Require.id(customerId, "customerId");
    }
}
