package mallbots.emulators.eventbridge;

/**
 * An error of the EventBridge API as AWS reports it: HTTP 400 with {@code __type} naming the
 * exception, so that the AWS SDKs and the CLI raise their exception of that name.
 */
public final class EventBridgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;

    public EventBridgeException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }

    public static EventBridgeException validation(String message) {
        return new EventBridgeException("ValidationException", message);
    }

    public static EventBridgeException notFound(String message) {
        return new EventBridgeException("ResourceNotFoundException", message);
    }

    public static EventBridgeException alreadyExists(String message) {
        return new EventBridgeException("ResourceAlreadyExistsException", message);
    }

    public static EventBridgeException invalidPattern(String message) {
        return new EventBridgeException("InvalidEventPatternException", message);
    }

    public static EventBridgeException limitExceeded(String message) {
        return new EventBridgeException("LimitExceededException", message);
    }

    public static EventBridgeException unknownOperation(String operation) {
        return new EventBridgeException("UnknownOperationException",
                "The local EventBridge does not implement " + operation);
    }
}
