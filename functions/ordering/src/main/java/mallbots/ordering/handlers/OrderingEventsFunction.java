package mallbots.ordering.handlers;

import mallbots.ordering.OrderingModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The OrderingEvents Lambda function: drains OrderingQueue (the messages
 * {@link OrderingSubscriptions} lists: BasketCheckedOut, ShoppingListCompleted, InvoicePaid, and
 * the saga's ApproveOrder and RejectOrder) and reports only the records that failed. Any other detail-type, or a record that cannot be decoded, fails
 * alone and reaches the dead-letter queue after its retries.
 */
public final class OrderingEventsFunction extends SqsEventsFunction {

    public OrderingEventsFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public OrderingEventsFunction(Environment env) {
        this(OrderingModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public OrderingEventsFunction(OrderingModule ordering) {
        super(SqsMessageConsumer.of(OrderingSubscriptions.of(ordering)));
    }
}
