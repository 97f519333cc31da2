package mallbots.notifications.application;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import mallbots.notifications.domain.Notification;
import mallbots.platform.domain.InvalidValue;

/** The notifications of a customer, newest first (none for a customer never notified). */
public final class ListNotifications {

    private final NotificationRecords records;

    public ListNotifications(NotificationRecords records) {
        this.records = Objects.requireNonNull(records, "records");
    }

    public List<Notification> ofCustomer(String customerId) {
        return records.ofCustomer(requireUuid(customerId));
    }

    private static String requireUuid(String customerId) {
        InvalidValue.requireText(customerId, "customerId");
        try {
            // round trip: UUID.fromString accepts short forms such as "1-2-3-4-5"
            String canonical = UUID.fromString(customerId).toString();
            if (canonical.equalsIgnoreCase(customerId)) {
                return canonical;
            }
        } catch (IllegalArgumentException notUuid) {
            // answered below
        }
        throw new InvalidValue("customerId: must be a UUID, was \"" + customerId + "\"");
    }
}
