package mallbots.search.handlers;

import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Message;
import mallbots.search.application.NameKind;
import mallbots.search.domain.OrderLine;
import mallbots.search.domain.OrderStatus;
import mallbots.search.domain.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What search does with each message on its queue: every order event into the read model, the
 * naming events into the caches. Each applies once (message id) and merges by the aggregate
 * version; any other detail-type fails and reaches the DLQ.
 */
final class SearchMessageHandlers {

    private static final Logger log = LoggerFactory.getLogger(SearchMessageHandlers.class);

    private SearchMessageHandlers() {
    }

    static MessageHandlers of(SearchModule search) {
        var orders = search.projectOrder();
        var names = search.updateNames();
        return MessageHandlers.builder()
                .on(OrderingMessages.ORDER_CREATED, m -> skipped(m, orders.created(m.messageId(), m.data().orderId(),
                        placement(m), version(m))))
                .on(OrderingMessages.ORDER_APPROVED, m -> status(search, m, m.data().orderId(), OrderStatus.APPROVED))
                .on(OrderingMessages.ORDER_REJECTED, m -> status(search, m, m.data().orderId(), OrderStatus.REJECTED))
                .on(OrderingMessages.ORDER_READIED, m -> status(search, m, m.data().orderId(), OrderStatus.READY))
                .on(OrderingMessages.ORDER_COMPLETED, m -> status(search, m, m.data().orderId(), OrderStatus.COMPLETED))
                .on(OrderingMessages.ORDER_CANCELED, m -> status(search, m, m.data().orderId(), OrderStatus.CANCELED))
                .on(CustomersMessages.CUSTOMER_REGISTERED, m -> skipped(m, names.named(NameKind.CUSTOMER,
                        m.data().customerId(), m.messageId(), m.data().name(), version(m))))
                .on(StoresMessages.STORE_CREATED, m -> skipped(m, names.named(NameKind.STORE,
                        m.data().storeId(), m.messageId(), m.data().name(), version(m))))
                .on(StoresMessages.STORE_REBRANDED, m -> skipped(m, names.named(NameKind.STORE,
                        m.data().storeId(), m.messageId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_ADDED, m -> skipped(m, names.named(NameKind.PRODUCT,
                        m.data().productId(), m.messageId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_REBRANDED, m -> skipped(m, names.named(NameKind.PRODUCT,
                        m.data().productId(), m.messageId(), m.data().name(), version(m))))
                .build();
    }

    private static void status(SearchModule search, Message<?> message, String orderId, OrderStatus status) {
        skipped(message, search.projectOrder().changed(message.messageId(), orderId, status, version(message),
                message.metadata().occurredAt()));
    }

    /** OrderCreated's lines; the order was created when its event occurred. */
    private static Placement placement(Message<OrderCreated> message) {
        OrderCreated order = message.data();
        return new Placement(order.customerId(), order.items().stream()
                .map(item -> new OrderLine(item.productId(), item.storeId(), item.storeName(), item.productName(),
                        item.price(), item.quantity()))
                .toList(), order.total(), message.metadata().occurredAt());
    }

    private static long version(Message<?> message) {
        Long version = message.metadata().aggregateVersion();
        if (version == null) {
            throw new IllegalArgumentException(message.detailType() + " " + message.messageId()
                    + " has no metadata.aggregateVersion: search cannot tell whether it is newer");
        }
        return version;
    }

    private static void skipped(Message<?> message, boolean applied) {
        if (!applied) {
            log.info("{} {} already applied: skipped", message.detailType(), message.messageId());
        }
    }
}
