package mallbots.platform.api;

/** 413: the request body is larger than the API accepts ({@link Input#MAX_BODY_LENGTH}). */
public class PayloadTooLarge extends ClientError {

    public PayloadTooLarge(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 413;
    }
}
