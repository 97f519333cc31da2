package mallbots.platform.api;

/**
 * A request the API refuses because of something the client did: answered with a 4xx status and
 * {"message": ...}. Never logged as an error, never a 5xx.
 */
public abstract class ClientError extends RuntimeException {

    protected ClientError(String message) {
        super(message, null, false, false);
    }

    /** The HTTP status of the answer. */
    public abstract int status();
}
