package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga compensation to ordering: reject the order. */
public record RejectOrder(String orderId) {

    public RejectOrder {
        Require.id(orderId, "orderId");
    }
}
