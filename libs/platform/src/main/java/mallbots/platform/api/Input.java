package mallbots.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bounds of what a client may send, on the components of a body record; {@link JsonBodyReader}
 * checks them, with one rule set for every context, before anything is read or stored:
 *
 * <ul>
 *   <li>every string: no control characters (U+0000 to U+001F, U+007F), at most
 *       {@link #DEFAULT_MAX_LENGTH} characters unless {@link MaxLength} says otherwise;</li>
 *   <li>{@link Uuid}: an id of a thing MallBots makes, as {@link mallbots.platform.domain.Ids} checks it
 *       (a list of them: each element);</li>
 *   <li>{@link Max}: a whole number no greater than this (a quantity);</li>
 *   <li>money: at most {@link #MAX_MONEY}, read by the same rule from a JSON number or a string.</li>
 * </ul>
 *
 * Each refusal is a 400 naming the field.
 */
public final class Input {

    public static final int DEFAULT_MAX_LENGTH = 200;
    /** The largest amount of money a client may send: prices and payments, 999,999,999.99. */
    public static final String MAX_MONEY = "999999999.99";
    /** A body larger than this (in characters) is refused with 413 before it is parsed. */
    public static final int MAX_BODY_LENGTH = 64 * 1024;

    private Input() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface MaxLength {
        int value();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Uuid {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Max {
        long value();
    }
}
