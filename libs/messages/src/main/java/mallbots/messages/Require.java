package mallbots.messages;

import java.util.List;
import mallbots.platform.domain.Money;

/**
 * The checks the payload records make in their constructors: only what the message schemas also
 * say, so that a message that passes its schema always decodes. Each failure names the field.
 */
public final class Require {

    private Require() {
    }

    /** An identifier: present and not blank. */
    public static void id(String value, String field) {
        text(value, field);
    }

    /** An optional identifier: absent, or not blank. */
    public static void idIfPresent(String value, String field) {
        if (value != null) {
            text(value, field);
        }
    }

    /** A name, location, SKU or number: present and not blank. */
    public static void text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    public static void present(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
    }

    /** A price, total or amount: present and not negative (only a price change's delta may be). */
    public static void notNegative(Money value, String field) {
        present(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + value);
        }
    }

    public static void quantity(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": must be at least 1, was " + value);
        }
    }

    /** The items of a basket, order or shopping list: at least one, none null; an immutable copy. */
    public static <T> List<T> items(List<T> items, String field) {
        present(items, field);
        if (items.isEmpty()) {
            throw new IllegalArgumentException(field + ": must have at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "]: is required");
            }
        }
        return List.copyOf(items);
    }
}
