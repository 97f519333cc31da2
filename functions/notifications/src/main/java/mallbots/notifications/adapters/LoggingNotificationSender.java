package mallbots.notifications.adapters;

import mallbots.notifications.application.NotificationSender;
import mallbots.notifications.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender where no SMS may go out (the local cloud, SmsEnabled "false"): the notification's
 * record in the table is all there is, and a log line shows what would have been sent.
 */
public final class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public void send(Notification notification) {
        log.info("SMS to {} : {} (notification {})", notification.smsNumber(), notification.text(),
                notification.id());
    }
}
