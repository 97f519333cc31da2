package mallbots.emulators.eventbridge;

import java.time.Instant;

/** Told of every delivery attempt (and of events that matched no rule), e.g. by the console. */
public interface DeliveryListener {

    void onDelivery(Delivery delivery);

    /** An accepted event that matched no rule of its bus. */
    default void onUnmatched(String eventId, String busName, String source, String detailType) {
    }

    /** An event a bus accepted ({@code eventJson} as its targets receive it), and how many targets it goes to. */
    default void onAccepted(String eventJson, Instant acceptedAt, int targets) {
    }
}
