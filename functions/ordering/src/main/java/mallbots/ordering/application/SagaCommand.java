package mallbots.ordering.application;

import java.util.function.Consumer;
import mallbots.ordering.domain.Order;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Metadata;

/**
 * Runs a saga command on an order and turns the domain's verdict into an answer: the change
 * happened (or had happened for this same command, or the order already is where the command
 * would take it) is a success; an order whose state forbids it, or no order at all, a refusal
 * with the reason. The change itself is applied at most once per command message.
 */
final class SagaCommand {

    private SagaCommand() {
    }

    static SagaAnswer run(OrderRepository orders, Metadata command, String orderId, Consumer<Order> change) {
        try {
            orders.change(orderId, command, change);
            return SagaAnswer.success();
        } catch (NotFound | RuleViolation refused) {
            return SagaAnswer.refusal(refused.getMessage());
        }
    }
}
