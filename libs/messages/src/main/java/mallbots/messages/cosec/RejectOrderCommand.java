package mallbots.messages.cosec;

import mallbots.messages.Require;
import mallbots.platform.messaging.Nullable;

/**
 * Saga compensation to ordering: reject the order. {@code reason} says why the saga gave up (a
 * participant's refusal, or "timed out"); absent in messages sent before it was added.
 */
public record RejectOrderCommand(String orderId, @Nullable String reason) {

    public RejectOrderCommand {
        Require.id(orderId, "orderId");
        if (reason != null) {
            Require.text(reason, "reason");
        }
    }

    public RejectOrderCommand(String orderId) {
        this(orderId, null);
    }
}
