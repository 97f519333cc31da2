package mallbots.notifications.application;

/**
 * Another handling (of a copy of the same event) claimed this notification's send and may be
 * sending it now. Not a failure of the domain: the record fails, SQS delivers it again later, and
 * it finds the notification sent (or, if that handling died, sends it).
 */
public final class NotificationBeingSent extends RuntimeException {

    public NotificationBeingSent(String notificationId, String messageId) {
        super("notification " + notificationId + " is being sent by another handling; message " + messageId
                + " will be retried");
    }
}
