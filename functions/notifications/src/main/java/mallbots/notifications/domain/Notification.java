package mallbots.notifications.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;

/**
 * One notification to a customer, identified by the id of the message that caused it (so a
 * message causes at most one). It is recorded {@link Status#PENDING} before it is sent and
 * marked {@link Status#SENT} after: the record is the outbox of the send.
 *
 * @param sentAt when it was recorded for sending (UTC, fixed-width ISO-8601, so that the text
 *               order is the time order)
 */
public record Notification(String id, String customerId, String smsNumber, NotificationKind kind, String orderId,
        String text, String sentAt, Status status) {

    public enum Status {
        /** Recorded, not yet handed to the sender (or the hand-over failed). */
        PENDING,
        /** The sender accepted it. */
        SENT
    }

    public Notification {
        InvalidValue.requireText(id, "id");
        InvalidValue.requireText(customerId, "customerId");
        InvalidValue.requireText(smsNumber, "smsNumber");
        Objects.requireNonNull(kind, "kind");
        InvalidValue.requireText(orderId, "orderId");
        InvalidValue.requireText(text, "text");
        InvalidValue.requireText(sentAt, "sentAt");
        Objects.requireNonNull(status, "status");
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    public Notification sent() {
        return new Notification(id, customerId, smsNumber, kind, orderId, text, sentAt, Status.SENT);
    }
}
