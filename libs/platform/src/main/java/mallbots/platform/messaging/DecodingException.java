package mallbots.platform.messaging;

/** A message that cannot be decoded: its text says which field and why. Never retried into success. */
public class DecodingException extends RuntimeException {

    public DecodingException(String message) {
        super(message);
    }

    public DecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
