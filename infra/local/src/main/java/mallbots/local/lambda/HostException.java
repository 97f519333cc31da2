package mallbots.local.lambda;

/** A function the host cannot load or run; the message names the function. */
public final class HostException extends RuntimeException {

    public HostException(String message) {
        super(message);
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
