package mallbots.ordering.application;

import java.util.function.Consumer;
import mallbots.ordering.domain.Order;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Nullable;

/** ordering's answer to a saga command: done (now or before), or refused with the reason the saga is told. */
public record SagaAnswer(boolean done, @Nullable String reason) {

    public SagaAnswer {
        if (done == (reason != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has a reason");
        }
    }

    public static SagaAnswer success() {
        return new SagaAnswer(true, null);
    }

    public static SagaAnswer refusal(String reason) {
        return new SagaAnswer(false, reason);
    }

    /**
     * Runs a saga command's change on an order and turns the domain's verdict into the answer:
     * the change happened (or had happened for this same command, or the order already is where
     * the command would take it) is a success; an order whose state forbids it, or no order at
     * all, a refusal with the reason. The change is applied at most once per command message.
     */
    static SagaAnswer afterChanging(OrderRepository orders, Cause command, String orderId, Consumer<Order> change) {
        try {
            orders.change(orderId, command, change);
            return success();
        } catch (NotFound | RuleViolation refused) {
            return refusal(refused.getMessage());
        }
    }
}
