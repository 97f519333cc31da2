package mallbots.ordering;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import mallbots.ordering.adapters.EventStoreOrderRepository;
import mallbots.ordering.application.ApproveOrder;
import mallbots.ordering.application.CancelOrder;
import mallbots.ordering.application.CompleteOrder;
import mallbots.ordering.application.CreateOrder;
import mallbots.ordering.application.GetOrder;
import mallbots.ordering.application.ReadyOrder;
import mallbots.ordering.application.RejectOrder;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.CommandReplies;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ordering context wired, its composition root: its use cases on one table, publishing through
 * one publisher. The only class that makes the adapters; {@code handlers} take the use cases from here.
 */
public record OrderingModule(
        GetOrder getOrder,
        CancelOrder cancelOrder,
        CreateOrder createOrder,
        ApproveOrder approveOrder,
        RejectOrder rejectOrder,
        ReadyOrder readyOrder,
        CompleteOrder completeOrder,
        CommandReplies replies) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;

    /** The {@code sk} of the answered-command items, beside the order histories (which start at 1). */
    static final long COMMAND_ITEMS_SORT_KEY = 0;

    public OrderingModule {
        Objects.requireNonNull(getOrder, "getOrder");
        Objects.requireNonNull(cancelOrder, "cancelOrder");
        Objects.requireNonNull(createOrder, "createOrder");
        Objects.requireNonNull(approveOrder, "approveOrder");
        Objects.requireNonNull(rejectOrder, "rejectOrder");
        Objects.requireNonNull(readyOrder, "readyOrder");
        Objects.requireNonNull(completeOrder, "completeOrder");
        Objects.requireNonNull(replies, "replies");
    }

    /**
     * On a table shaped as {@code OrderingTable} in template.yaml ({@code pk} S + {@code sk} N),
     * publishing through {@code publisher}: the bus in production, a recording publisher in tests.
     */
    public static OrderingModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(publisher, "publisher");
        var orders = new EventStoreOrderRepository(dynamo, tableName, publisher);
        // the order's status times, to the millisecond (as the view shows them)
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        return new OrderingModule(
                new GetOrder(orders),
                new CancelOrder(orders, clock),
                new CreateOrder(orders, clock),
                new ApproveOrder(orders, clock),
                new RejectOrder(orders, clock),
                new ReadyOrder(orders, clock),
                new CompleteOrder(orders, clock),
                CommandReplies.builder(dynamo, tableName, publisher).sortKey(COMMAND_ITEMS_SORT_KEY).build());
    }

    /** From a function's settings: {@code TABLE_NAME}, {@code EVENT_BUS_NAME}, and the AWS ones of {@link AwsClients}. */
    public static OrderingModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher());
    }
}
