package mallbots.payments.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;

/**
 * A payment a customer authorized: up to {@code amount} may be charged for one of the customer's
 * orders. The create-order saga asks whether it covers an order ({@link #confirm}).
 */
public record Payment(String id, String customerId, Money amount) {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public Payment {
        InvalidValue.requireText(id, "id");
        InvalidValue.requireText(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * A new payment of {@code amount} (more than zero) by the customer {@code customerId} (a UUID,
     * as every id the other contexts make; kept in its lower-case form).
     */
    public static Payment authorize(String id, String customerId, Money amount) {
        String customer = InvalidValue.requireText(customerId, "customerId");
        if (!CANONICAL_UUID.matcher(customer).matches()) {
            throw new InvalidValue("customerId must be a UUID: \"" + customer + "\"");
        }
        if (amount == null) {
            throw new InvalidValue("amount is required");
        }
        if (!amount.isPositive()) {
            throw new InvalidValue("amount must be more than 0.00: " + amount);
        }
        return new Payment(id, UUID.fromString(customer).toString(), amount);
    }

    /** The saga's question: may this payment pay {@code orderAmount} for the customer {@code orderCustomerId}? */
    public Confirmation confirm(String orderCustomerId, Money orderAmount) {
        Objects.requireNonNull(orderAmount, "orderAmount");
        if (!customerId.equalsIgnoreCase(orderCustomerId)) {
            // the other customer's id stays private
            return Confirmation.refuse("payment " + id + " belongs to another customer");
        }
        if (amount.compareTo(orderAmount) < 0) {
            return Confirmation.refuse("payment " + id + " of " + amount + " does not cover " + orderAmount);
        }
        return Confirmation.confirm();
    }
}
