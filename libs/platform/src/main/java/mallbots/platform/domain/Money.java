package mallbots.platform.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a decimal with exactly two fractional digits, never a binary float.
 * On the wire it is a JSON string such as "12.50", so that no consumer parses it as a double
 * ({@link mallbots.platform.json.Json} writes and reads it so; this type knows no JSON).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    // Compiled once: String.matches compiles its pattern on every call, on every message's prices.
    private static final Pattern WIRE = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]{2}");
    private static final Pattern TYPED = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]{1,2})?");


    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("money has at most two fractional digits: " + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Reads money as messages carry it: a string with exactly two decimals ("12.50"). Anything
     * else ("12.5", "12", "1e3") is refused, as the schemas refuse it.
     */
    public static Money fromWire(String text) {
        if (text == null || !WIRE.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount of money with two decimals, e.g. \"12.50\": " + text);
        }
        return new Money(new BigDecimal(text));
    }

    /** Parses what a person types: "12.5", "12.50" or "12"; more than two decimals or anything else is refused. */
    public static Money of(String text) {
        if (text == null || !TYPED.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount of money with at most two decimals: " + text);
        }
        return new Money(new BigDecimal(text));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** The amount with two decimals, as messages carry it ("12.50"). */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
