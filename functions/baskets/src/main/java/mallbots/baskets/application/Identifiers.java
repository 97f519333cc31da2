package mallbots.baskets.application;

import java.util.UUID;
import mallbots.platform.domain.InvalidValue;

/**
 * Identifiers that baskets passes on to other contexts (a customer's, a payment's) are UUIDs, as
 * every message schema requires: a client that sends anything else gets a 400 naming the field,
 * not a message that the bus or a consumer would refuse later.
 */
final class Identifiers {

    private Identifiers() {
    }

    static String requireUuid(String value, String field) {
        String text = InvalidValue.requireText(value, field);
        try {
            UUID parsed = UUID.fromString(text);
            // UUID.fromString accepts short forms such as "1-2-3-4-5": only the canonical form is an id
            if (parsed.toString().equalsIgnoreCase(text)) {
                return text;
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        throw new InvalidValue(field + " must be a UUID, was \"" + text + "\"");
    }
}
