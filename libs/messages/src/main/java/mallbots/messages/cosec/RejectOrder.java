package mallbots.messages.cosec;

import mallbots.messages.Require;
import mallbots.platform.messaging.Nullable;

/**
 * Saga compensation to ordering: reject the order. {@code reason} says why the saga gave up (a
 * participant's refusal, or "timed out"); absent in messages sent before it was added.
 */
public record RejectOrder(String orderId, @Nullable String reason) {

    public RejectOrder {
        Require.id(orderId, "orderId");
        if (reason != null) {
            Require.text(reason, "reason");
        }
    }

    public RejectOrder(String orderId) {
        this(orderId, null);
    }
}
