package mallbots.ordering.application;

import java.util.UUID;
import mallbots.platform.domain.InvalidValue;

/**
 * An order's id is its basket's, a UUID: a client naming anything else made a mistake in the
 * request (400), which is not the same as naming an order that does not exist (404).
 */
final class OrderIds {

    private OrderIds() {
    }

    static String require(String orderId) {
        String text = InvalidValue.requireText(orderId, "id");
        try {
            // UUID.fromString accepts short forms such as "1-2-3-4-5": only the canonical form is an id
            if (UUID.fromString(text).toString().equalsIgnoreCase(text)) {
                return text;
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        throw new InvalidValue("id: must be a UUID, was \"" + text + "\"");
    }
}
