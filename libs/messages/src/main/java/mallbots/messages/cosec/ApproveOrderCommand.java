package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga command to ordering: approve the order. */
public record ApproveOrderCommand(String orderId, String shoppingId) {

    public ApproveOrderCommand {
        Require.id(orderId, "orderId");
        Require.id(shoppingId, "shoppingId");
    }
}
