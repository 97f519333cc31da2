package mallbots.customers.application;

import mallbots.platform.messaging.Nullable;

/** The answer to "may this customer place an order?": granted, or refused with a reason. */
public record Authorization(boolean granted, @Nullable String reason) {

    public Authorization {
        if (granted == (reason != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has a reason");
        }
    }

    public static Authorization grant() {
        return new Authorization(true, null);
    }

    public static Authorization refuse(String reason) {
        return new Authorization(false, reason);
    }
}
