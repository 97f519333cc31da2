package mallbots.notifications.application;

import mallbots.notifications.domain.Notification;

/** One notification as the API shows it. */
public record NotificationView(String id, String customerId, String smsNumber, String kind, String orderId,
        String text, String sentAt, String status) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.customerId(), n.smsNumber(), n.kind().name(), n.orderId(), n.text(),
                n.sentAt(), n.status().name());
    }
}
