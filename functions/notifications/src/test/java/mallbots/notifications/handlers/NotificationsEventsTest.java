package mallbots.notifications.handlers;

import static mallbots.notifications.handlers.NotificationsTestbed.newId;
import static mallbots.notifications.handlers.NotificationsTestbed.orderCanceled;
import static mallbots.notifications.handlers.NotificationsTestbed.orderCompleted;
import static mallbots.notifications.handlers.NotificationsTestbed.orderCreated;
import static mallbots.notifications.handlers.NotificationsTestbed.orderReadied;
import static mallbots.notifications.handlers.NotificationsTestbed.registered;
import static mallbots.notifications.handlers.NotificationsTestbed.smsChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.List;
import mallbots.notifications.domain.Notification;
import mallbots.notifications.domain.NotificationKind;
import mallbots.platform.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The events function on real SQS messages: the customers cache, one notification per order
 * event, exactly once, and the retries that make sure none is lost.
 */
class NotificationsEventsTest {

    private final NotificationsTestbed notifications = new NotificationsTestbed();
    private final String customerId = newId();
    private final String orderId = newId();

    @Test
    void eachOfTheFourOrderEventsSendsOneNotificationToTheOrdersCustomer() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"));
        List<Message<?>> events = List.of(orderCreated(orderId, customerId), orderReadied(orderId, customerId),
                orderCompleted(orderId, customerId), orderCanceled(newId(), customerId));

        notifications.deliverOk(events.toArray(Message<?>[]::new));

        assertThat(notifications.sender.sent).extracting(Notification::kind).containsExactly(
                NotificationKind.ORDER_CREATED, NotificationKind.ORDER_READIED, NotificationKind.ORDER_COMPLETED,
                NotificationKind.ORDER_CANCELED);
        assertThat(notifications.sender.sent).allSatisfy(sent -> {
            assertThat(sent.customerId()).isEqualTo(customerId);
            assertThat(sent.smsNumber()).isEqualTo("+15555550123");
            assertThat(sent.text()).startsWith("Hi Ada Lovelace, your order ").contains(sent.orderId());
        });
        assertThat(notifications.sender.sent.get(1).text())
                .isEqualTo("Hi Ada Lovelace, your order " + orderId + " is ready.");
        for (Message<?> event : events) {
            Notification recorded = notifications.notification(NotificationsTestbed.idOf(event)).orElseThrow();
            assertThat(recorded.status()).isEqualTo(Notification.Status.SENT);
            assertThat(notifications.attribute(NotificationsTestbed.idOf(event), "customerId").s()).isEqualTo(customerId);
            assertThat(notifications.attribute(NotificationsTestbed.idOf(event), "sentAt").s()).isEqualTo(recorded.sentAt());
        }
        assertThat(notifications.allNotifications()).hasSize(4);
        assertThat(notifications.bus.published()).isEmpty();
    }

    @Test
    void anOrderEventDeliveredTwiceSendsOnce() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"));
        Message<?> readied = orderReadied(orderId, customerId);

        notifications.deliverOk(readied);
        notifications.deliverOk(readied);
        // and twice in one batch
        Message<?> completed = orderCompleted(orderId, customerId);
        notifications.deliverOk(completed, completed);

        assertThat(notifications.sender.sent).extracting(Notification::id)
                .containsExactly(NotificationsTestbed.idOf(readied), NotificationsTestbed.idOf(completed));
        assertThat(notifications.sender.attempts).hasValue(2);
        assertThat(notifications.allNotifications()).hasSize(2);
    }

    @Test
    void aCopyHandledWhileTheFirstIsSendingFailsItsRecordInsteadOfSendingAgain() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"));
        Message<?> created = orderCreated(orderId, customerId);
        // EventBridge delivered the event twice: the copy is handled while the first handling sends
        List<Integer> copyFailures = new java.util.ArrayList<>();
        notifications.sender.duringNextSend.set(() ->
                copyFailures.add(notifications.deliver(created).getBatchItemFailures().size()));

        notifications.deliverOk(created);

        assertThat(copyFailures).as("the copy fails its record: the send is claimed").containsExactly(1);
        assertThat(notifications.sender.sent).extracting(Notification::id)
                .containsExactly(NotificationsTestbed.idOf(created));
        // it comes back (its visibility timeout over) and finds the notification sent
        assertThat(notifications.receiveAndHandle(1).getBatchItemFailures()).isEmpty();
        assertThat(notifications.sender.sent).hasSize(1);
        assertThat(notifications.sender.attempts).hasValue(1);
    }

    @Test
    void theSameOrderEventPublishedAgainUnderANewMessageIdSendsNothingMore() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"));
        Message<?> created = orderCreated(orderId, customerId);
        notifications.deliverOk(created);
        // re-published (a replay, or a producer that published twice): the same event, a new message id
        Message<?> again = created.withMetadata(m -> m.withMessageId(newId()));

        notifications.deliverOk(again);
        notifications.deliverOk(orderCreated(orderId, customerId));

        assertThat(notifications.sender.sent).extracting(Notification::kind)
                .containsExactly(NotificationKind.ORDER_CREATED);
        assertThat(notifications.sender.attempts).hasValue(1);
        assertThat(notifications.allNotifications()).hasSize(1);
        // another order of the customer is notified as usual
        notifications.deliverOk(orderCreated(newId(), customerId));
        assertThat(notifications.sender.sent).hasSize(2);
    }

    @Test
    void aChangedSmsNumberIsUsedForLaterNotifications() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"),
                orderCreated(orderId, customerId));
        notifications.deliverOk(smsChanged(customerId, "+15555550199", 2));
        notifications.deliverOk(orderReadied(orderId, customerId));

        assertThat(notifications.sender.sent).extracting(Notification::smsNumber)
                .containsExactly("+15555550123", "+15555550199");
    }

    @Test
    void theCacheKeepsTheNewestNumberWhateverTheOrderAndDuplicatesOfTheCustomerEvents() {
        var changed = smsChanged(customerId, "+15555550199", 3);
        var older = smsChanged(customerId, "+15555550150", 2);
        // the change overtakes the registration, and an older change comes last, twice
        notifications.deliverOk(changed, registered(customerId, "Ada Lovelace", "+15555550123"), older, older);

        notifications.deliverOk(orderCreated(orderId, customerId));

        Notification sent = notifications.sender.sent.getFirst();
        assertThat(sent.smsNumber()).isEqualTo("+15555550199");
        assertThat(sent.text()).startsWith("Hi Ada Lovelace,");
    }

    @Test
    void anOrderEventForACustomerNotCachedYetFailsItsRecordAndSucceedsOnceTheCustomerArrives() {
        Message<?> created = orderCreated(orderId, customerId);

        SQSBatchResponse first = notifications.deliver(created);

        assertThat(first.getBatchItemFailures()).hasSize(1);
        assertThat(notifications.sender.attempts).hasValue(0);
        assertThat(notifications.allNotifications()).isEmpty();

        // the customer's event arrives; the failed record comes back (its visibility timeout
        // over), in the same batch, before or after it: at worst it fails once more
        notifications.send(registered(customerId, "Ada Lovelace", "+15555550123"));
        if (!notifications.receiveAndHandle(2).getBatchItemFailures().isEmpty()) {
            assertThat(notifications.receiveAndHandle(1).getBatchItemFailures()).isEmpty();
        }

        assertThat(notifications.sender.sent).extracting(Notification::id).containsExactly(NotificationsTestbed.idOf(created));
        assertThat(notifications.notification(NotificationsTestbed.idOf(created)).orElseThrow().status())
                .isEqualTo(Notification.Status.SENT);
    }

    @Test
    void aSendTheChannelRefusedIsRetriedFromItsPendingRecordAndRecordedOnce() {
        notifications.deliverOk(registered(customerId, "Ada Lovelace", "+15555550123"));
        notifications.sender.refuseNext.set(1);
        Message<?> readied = orderReadied(orderId, customerId);

        assertThat(notifications.deliver(readied).getBatchItemFailures()).hasSize(1);

        Notification pending = notifications.notification(NotificationsTestbed.idOf(readied)).orElseThrow();
        assertThat(pending.status()).isEqualTo(Notification.Status.PENDING);
        assertThat(notifications.sender.sent).isEmpty();

        assertThat(notifications.receiveAndHandle(1).getBatchItemFailures()).isEmpty();

        assertThat(notifications.sender.sent).extracting(Notification::id).containsExactly(NotificationsTestbed.idOf(readied));
        Notification sent = notifications.notification(NotificationsTestbed.idOf(readied)).orElseThrow();
        assertThat(sent.status()).isEqualTo(Notification.Status.SENT);
        // the same record: the time it was first recorded, not a second one
        assertThat(sent.sentAt()).isEqualTo(pending.sentAt());
        assertThat(notifications.allNotifications()).hasSize(1);
    }
}
