package mallbots.search.handlers;

import mallbots.messages.customers.CustomerRegistered;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.cache.CacheFeed;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.search.SearchModule;
import mallbots.search.domain.OrderLine;
import mallbots.search.domain.Placement;
import mallbots.search.domain.SearchOrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What search does with each message on its queue: every order event into the read model, the
 * naming events into the kernel's name caches. An order event applies once (message id) and
 * merges by the aggregate version, a name by the version that set it; any other detail-type fails
 * and reaches the DLQ.
 */
final class SearchSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(SearchSubscriptions.class);

    private SearchSubscriptions() {
    }

    static MessageHandlers of(SearchModule search) {
        var orders = search.projectOrder();
        return MessageHandlers.builder()
                .on(OrderingMessages.ORDER_CREATED, m -> skipped(m, orders.created(Cause.of(m), m.data().orderId(),
                        placement(m), version(m))))
                .on(OrderingMessages.ORDER_APPROVED,
                        m -> status(search, m, m.data().orderId(), SearchOrderStatus.APPROVED))
                .on(OrderingMessages.ORDER_REJECTED,
                        m -> status(search, m, m.data().orderId(), SearchOrderStatus.REJECTED))
                .on(OrderingMessages.ORDER_READIED,
                        m -> status(search, m, m.data().orderId(), SearchOrderStatus.READY))
                .on(OrderingMessages.ORDER_COMPLETED,
                        m -> status(search, m, m.data().orderId(), SearchOrderStatus.COMPLETED))
                .on(OrderingMessages.ORDER_CANCELED,
                        m -> status(search, m, m.data().orderId(), SearchOrderStatus.CANCELED))
                .on(CustomersMessages.CUSTOMER_REGISTERED, CacheFeed.merge(search.customerNames(),
                        CustomerRegistered::customerId, (name, event, version) -> name.named(event.name(), version)))
                .on(StoresMessages.STORE_CREATED, CacheFeed.merge(search.storeNames(),
                        StoreCreated::storeId, (name, event, version) -> name.named(event.name(), version)))
                .on(StoresMessages.STORE_REBRANDED, CacheFeed.merge(search.storeNames(),
                        StoreRebranded::storeId, (name, event, version) -> name.named(event.name(), version)))
                .on(StoresMessages.PRODUCT_ADDED, CacheFeed.merge(search.productNames(),
                        ProductAdded::productId, (name, event, version) -> name.named(event.name(), version)))
                .on(StoresMessages.PRODUCT_REBRANDED, CacheFeed.merge(search.productNames(),
                        ProductRebranded::productId, (name, event, version) -> name.named(event.name(), version)))
                .build();
    }

    private static void status(SearchModule search, Message<?> message, String orderId, SearchOrderStatus status) {
        skipped(message, search.projectOrder().changed(Cause.of(message), orderId, status, version(message),
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
        return CacheFeed.aggregateVersion(message);
    }

    private static void skipped(Message<?> message, boolean applied) {
        if (!applied) {
            log.info("{} {} already applied: skipped", message.detailType(), message.messageId());
        }
    }
}
