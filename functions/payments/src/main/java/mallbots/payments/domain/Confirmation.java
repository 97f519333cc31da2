package mallbots.payments.domain;

/** The answer to "does this payment cover that order?": confirmed, or refused with a reason. */
public record Confirmation(boolean confirmed, String reason) {

    public Confirmation {
        if (confirmed == (reason != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has a reason");
        }
        if (reason != null && reason.isBlank()) {
            throw new IllegalArgumentException("a refusal says why");
        }
    }

    public static Confirmation confirm() {
        return new Confirmation(true, null);
    }

    public static Confirmation refuse(String reason) {
        return new Confirmation(false, reason);
    }
}
