package mallbots.platform.domain;

import java.util.UUID;

/**
 * The one rule for identifiers of the things MallBots makes (stores, products, customers, baskets,
 * orders, payments, invoices, shopping lists): a UUID in its canonical form, 36 characters, as
 * every message schema requires. Checked the same way in every context, so that a malformed id
 * is the same 400 naming the field everywhere, and never reaches a key or a message.
 */
public final class Ids {

    private Ids() {
    }

    public static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            // UUID.fromString accepts short forms such as "1-2-3-4-5": only the canonical form is an id
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    /** @throws InvalidValue "field: must be a UUID, was "..."" (a long value cut short) */
    public static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field + ": is required");
        }
        if (!isUuid(value)) {
            throw notAUuid(value, field);
        }
        return value;
    }

    public static InvalidValue notAUuid(String value, String field) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return new InvalidValue(field + ": must be a UUID, was \"" + shown + "\"");
    }
}
