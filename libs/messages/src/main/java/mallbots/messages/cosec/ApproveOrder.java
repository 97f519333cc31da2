package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga command to ordering: approve the order. */
public record ApproveOrder(String orderId, String shoppingId) {

    public ApproveOrder {
        Require.id(orderId, "orderId");
        Require.id(shoppingId, "shoppingId");
    }
}
