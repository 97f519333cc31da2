package mallbots.notifications.handlers;

import mallbots.messages.customers.CustomerRegistered;
import mallbots.messages.customers.CustomerSmsChanged;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.notifications.NotificationsModule;
import mallbots.notifications.domain.NotificationKind;
import mallbots.platform.cache.CacheFeed;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Cause;

/**
 * What notifications does with each message on its queue: the customers events keep the cache;
 * each of the four order events notifies the order's customer once. An order event for a
 * customer not cached yet fails its record (retried, then the DLQ); so does any other detail-type.
 */
final class NotificationsSubscriptions {

    private NotificationsSubscriptions() {
    }

    static MessageHandlers of(NotificationsModule notifications) {
        var customers = notifications.customerCache();
        var notify = notifications.notifyCustomer();
        return MessageHandlers.builder()
                .on(CustomersMessages.CUSTOMER_REGISTERED, CacheFeed.merge(customers, CustomerRegistered::customerId,
                        (customer, event, version) -> customer.registered(event.name(), event.smsNumber(), version)))
                .on(CustomersMessages.CUSTOMER_SMS_CHANGED, CacheFeed.merge(customers, CustomerSmsChanged::customerId,
                        (customer, event, version) -> customer.smsChanged(event.smsNumber(), version)))
                .on(OrderingMessages.ORDER_CREATED, m -> notify.notify(Cause.of(m), NotificationKind.ORDER_CREATED,
                        m.data().orderId(), m.data().customerId()))
                .on(OrderingMessages.ORDER_READIED, m -> notify.notify(Cause.of(m), NotificationKind.ORDER_READIED,
                        m.data().orderId(), m.data().customerId()))
                .on(OrderingMessages.ORDER_COMPLETED, m -> notify.notify(Cause.of(m),
                        NotificationKind.ORDER_COMPLETED, m.data().orderId(), m.data().customerId()))
                .on(OrderingMessages.ORDER_CANCELED, m -> notify.notify(Cause.of(m),
                        NotificationKind.ORDER_CANCELED, m.data().orderId(), m.data().customerId()))
                .build();
    }
}
