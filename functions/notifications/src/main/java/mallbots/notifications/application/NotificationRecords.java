package mallbots.notifications.application;

import java.util.List;
import java.util.Optional;
import mallbots.notifications.domain.Notification;

/** The record of every notification, pending or sent. */
public interface NotificationRecords {

    /**
     * Records a new notification in the write that marks its message applied: false (and nothing
     * written) if a notification with its id exists already.
     */
    boolean recordNew(Notification notification);

    Optional<Notification> find(String id);

    /** Marks the notification sent (nothing if it is already). */
    void markSent(String id);

    /** A customer's notifications, newest first. */
    List<Notification> ofCustomer(String customerId);
}
