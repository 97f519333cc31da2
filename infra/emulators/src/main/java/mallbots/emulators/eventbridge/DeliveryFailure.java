package mallbots.emulators.eventbridge;

/**
 * A failed attempt to deliver to a target. {@code errorCode} is the code EventBridge writes in
 * the ERROR_CODE attribute of a dead-lettered event; a failure that is not retryable (the
 * target does not exist) goes to the dead-letter queue at once, as on AWS.
 */
final class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final boolean retryable;

    DeliveryFailure(String errorCode, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    String errorCode() {
        return errorCode;
    }

    boolean retryable() {
        return retryable;
    }
}
