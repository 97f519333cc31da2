package mallbots.notifications.application;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import mallbots.notifications.domain.CachedCustomer;
import mallbots.notifications.domain.Notification;
import mallbots.notifications.domain.NotificationKind;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.messaging.Cause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies an order's customer of one order event, exactly once per order and kind: the
 * notification's id is made from both ({@link Notification#idFor}), not from the message, so the
 * same event published again under a new message id finds the notification the first one made.
 *
 * <p>The notification is first recorded PENDING, in one conditional write (on its id); then it is handed to the sender; then marked SENT.
 * The record is the outbox of the send: if the process dies, or the sender fails, between the
 * write and the mark, the message is not acknowledged, SQS delivers it again, and that delivery
 * finds the PENDING record and sends it (a redelivery of a SENT one does nothing). So no
 * notification is lost, and a message never records two; a crash after the sender accepted it
 * but before the mark sends it a second time (at-least-once at the phone, as SMS is anyway).
 * Two handlings at once (two copies of one event, delivered together) do not both send: the
 * send is claimed first, and the one without the claim fails its record and comes back later.
 */
public final class NotifyCustomer {

    /** Fixed width (always six fractional digits) so that the text order of sentAt is the time order. */
    static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(NotifyCustomer.class);

    /**
     * How long a handling's claim on a send holds: the functions' Timeout. A handling that
     * claimed has sent and marked it by then, or it died, and a queue redelivers a message only
     * after its visibility timeout, at least that long: the redelivery sends.
     */
    static final Duration SEND_CLAIM = Duration.ofSeconds(30);

    private final EntityCache<CachedCustomer> customers;
    private final NotificationRecords records;
    private final NotificationSender sender;
    private final Clock clock;

    public NotifyCustomer(EntityCache<CachedCustomer> customers, NotificationRecords records, NotificationSender sender,
            Clock clock) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.records = Objects.requireNonNull(records, "records");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Handles the order event that is the {@code cause}; answers the notification as it is afterwards.
     *
     * @throws CustomerNotCached if the customer's number is not known yet (the message is retried)
     */
    public Notification notify(Cause cause, NotificationKind kind, String orderId, String customerId) {
        if (!cause.isMessage()) {
            throw new IllegalArgumentException("a customer is notified of an order event, not of a request");
        }
        String messageId = cause.messageId();
        String id = Notification.idFor(orderId, kind);
        Notification notification = records.find(id).orElseGet(() -> record(id, messageId, kind, orderId,
                customerId));
        if (!notification.pending()) {
            log.info("{} notification of order {} already sent ({}): message {} skipped", kind, orderId,
                    notification.id(), messageId);
            return notification;
        }
        if (!records.claimSend(id, clock.instant(), clock.instant().plus(SEND_CLAIM))) {
            // sent meanwhile, or being sent by a handling of a copy of this message right now
            Notification now = records.find(id).orElseThrow();
            if (!now.pending()) {
                return now;
            }
            throw new NotificationBeingSent(id, messageId);
        }
        try {
            sender.send(notification);
        } catch (RuntimeException refused) {
            records.releaseSend(id);
            throw refused;
        }
        records.markSent(notification.id());
        return notification.sent();
    }

    private Notification record(String id, String messageId, NotificationKind kind, String orderId,
            String customerId) {
        CachedCustomer customer = customers.find(customerId).filter(CachedCustomer::reachable)
                .orElseThrow(() -> new CustomerNotCached(customerId, messageId));
        Notification notification = new Notification(id, customerId, customer.smsNumber().value(), kind,
                orderId, kind.text(customer.name().value(), orderId), SENT_AT.format(clock.instant()),
                Notification.Status.PENDING);
        if (records.recordNew(notification)) {
            return notification;
        }
        // another delivery (of this message or another announcing the same) recorded it meanwhile
        return records.find(id).orElseThrow(() -> new IllegalStateException(
                "notification " + id + " exists but cannot be read"));
    }
}
