package mallbots.messages.baskets;

import mallbots.messages.Require;

/** Integration event from mallbots.baskets. An open basket was canceled. */
public record BasketCanceled(String basketId) {

    public BasketCanceled {
        Require.id(basketId, "basketId");
    }
}
