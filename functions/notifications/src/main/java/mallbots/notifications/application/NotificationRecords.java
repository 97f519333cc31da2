package mallbots.notifications.application;

import java.time.Instant;
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

    /**
     * Claims the sending of a pending notification until {@code until}: false (and nothing
     * written) if it is not pending, or another handling claimed it and its claim runs after
     * {@code now}. One claim at a time: two handlings of the same message never both send.
     */
    boolean claimSend(String id, Instant now, Instant until);

    /** Gives up a claim (the sender failed): the next delivery may send at once. */
    void releaseSend(String id);

    /** Marks the notification sent (nothing if it is already). */
    void markSent(String id);

    /** A customer's notifications, newest first. */
    List<Notification> ofCustomer(String customerId);
}
