package mallbots.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import mallbots.platform.domain.InvalidValue;

/**
 * One notification to a customer, identified by its order and kind ({@link #idFor}): an order
 * gets at most one of each kind, whatever messages announce it (a copy, or the same event
 * published again under a new message id). It is recorded {@link Status#PENDING} before it is sent and
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

    /** The id of the notification of {@code kind} for order {@code orderId}: a name-based UUID of both. */
    public static String idFor(String orderId, NotificationKind kind) {
        InvalidValue.requireText(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        return UUID.nameUUIDFromBytes(("order/" + orderId + "/" + kind.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    public Notification sent() {
        return new Notification(id, customerId, smsNumber, kind, orderId, text, sentAt, Status.SENT);
    }
}
