package mallbots.notifications.application;

import mallbots.notifications.domain.Notification;

/** Delivers a notification to the customer's phone (SMS through SNS in the cloud; a log line locally). */
public interface NotificationSender {

    /** Returns once the channel accepted it; throws if it did not (the send is retried). */
    void send(Notification notification);
}
