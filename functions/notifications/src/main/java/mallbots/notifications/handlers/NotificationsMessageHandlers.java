package mallbots.notifications.handlers;

import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.notifications.domain.NotificationKind;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What notifications does with each message on its queue: the customers events keep the cache;
 * each of the four order events notifies the order's customer once. An order event for a
 * customer not cached yet fails its record (retried, then the DLQ); so does any other detail-type.
 */
final class NotificationsMessageHandlers {

    private static final Logger log = LoggerFactory.getLogger(NotificationsMessageHandlers.class);

    private NotificationsMessageHandlers() {
    }

    static MessageHandlers of(NotificationsModule notifications) {
        var customers = notifications.updateCustomerCache();
        var notify = notifications.notifyCustomer();
        return MessageHandlers.builder()
                .on(CustomersMessages.CUSTOMER_REGISTERED, m -> skipped(m, customers.registered(m.messageId(),
                        m.data().customerId(), m.data().name(), m.data().smsNumber(), version(m))))
                .on(CustomersMessages.CUSTOMER_SMS_CHANGED, m -> skipped(m, customers.smsChanged(m.messageId(),
                        m.data().customerId(), m.data().smsNumber(), version(m))))
                .on(OrderingMessages.ORDER_CREATED, m -> notify.notify(m.messageId(), NotificationKind.ORDER_CREATED,
                        m.data().orderId(), m.data().customerId()))
                .on(OrderingMessages.ORDER_READIED, m -> notify.notify(m.messageId(), NotificationKind.ORDER_READIED,
                        m.data().orderId(), m.data().customerId()))
                .on(OrderingMessages.ORDER_COMPLETED, m -> notify.notify(m.messageId(),
                        NotificationKind.ORDER_COMPLETED, m.data().orderId(), m.data().customerId()))
                .on(OrderingMessages.ORDER_CANCELED, m -> notify.notify(m.messageId(),
                        NotificationKind.ORDER_CANCELED, m.data().orderId(), m.data().customerId()))
                .build();
    }

    private static long version(Message<?> message) {
        Long version = message.metadata().aggregateVersion();
        if (version == null) {
            throw new IllegalArgumentException(message.detailType() + " " + message.messageId()
                    + " has no metadata.aggregateVersion: the cache cannot tell whether it is newer");
        }
        return version;
    }

    private static void skipped(Message<?> message, boolean applied) {
        if (!applied) {
            log.info("{} {} already applied: skipped", message.detailType(), message.messageId());
        }
    }
}
