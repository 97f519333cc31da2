package mallbots.ordering.adapters;

import java.util.ArrayList;
import java.util.List;
import mallbots.messages.ordering.OrderApproved;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCompleted;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderReadied;
import mallbots.messages.ordering.OrderRejected;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.ordering.domain.Order;
import mallbots.ordering.domain.OrderEvent;
import mallbots.ordering.domain.OrderItem;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;

/**
 * What ordering tells the other contexts about an order's new domain events, one integration
 * event each (OrderCreated, OrderApproved, ...), carrying the order's id and the version its
 * event made. A change caused by a message continues that message's flow (same correlation id);
 * the saga's routing (sagaId, replyTo) is not copied: these are events, not replies.
 */
final class OrderingAnnouncements {

    private final MessageCodec codec = new MessageCodec(OrderingMessages.ALL);

    /** The messages announcing the order's uncommitted events, in their order. */
    List<OutboundEvent> of(Order order, Cause cause) {
        List<OutboundEvent> messages = new ArrayList<>();
        for (VersionedEvent<OrderEvent> versioned : order.uncommittedEvents()) {
            messages.add(switch (versioned.event()) {
                case OrderEvent.OrderCreated created -> message(OrderingMessages.ORDER_CREATED, order, versioned,
                        cause, new OrderCreated(order.id(), created.customerId(), created.paymentId(),
                                items(created.items()), created.total()));
                case OrderEvent.OrderApproved approved -> message(OrderingMessages.ORDER_APPROVED, order,
                        versioned, cause, new OrderApproved(order.id(), order.customerId(), order.paymentId(),
                                approved.shoppingId()));
                case OrderEvent.OrderRejected rejected -> message(OrderingMessages.ORDER_REJECTED, order,
                        versioned, cause, new OrderRejected(order.id(), order.customerId(), order.paymentId()));
                case OrderEvent.OrderReadied readied -> message(OrderingMessages.ORDER_READIED, order, versioned,
                        cause, new OrderReadied(order.id(), order.customerId(), order.paymentId(), order.total()));
                case OrderEvent.OrderCompleted completed -> message(OrderingMessages.ORDER_COMPLETED, order,
                        versioned, cause, new OrderCompleted(order.id(), order.customerId(), completed.invoiceId()));
                case OrderEvent.OrderCanceled canceled -> message(OrderingMessages.ORDER_CANCELED, order,
                        versioned, cause, new OrderCanceled(order.id(), order.customerId(), order.paymentId(),
                                order.shoppingId()));
            });
        }
        return List.copyOf(messages);
    }

    private <T> OutboundEvent message(MessageType<T> type, Order order, VersionedEvent<OrderEvent> event,
            Cause cause, T data) {
        Metadata metadata = cause.followUp().withSaga(null, null, null).withAggregate(order.id(), event.version());
        return OutboundEvent.of(new Message<>(type, metadata, data), codec);
    }

    private static List<OrderCreated.Item> items(List<OrderItem> lines) {
        return lines.stream().map(line -> new OrderCreated.Item(line.productId(), line.storeId(), line.storeName(),
                line.productName(), line.price(), line.quantity())).toList();
    }
}
