package mallbots.platform.api;

/** 404: What the request names does not exist. */
public class NotFound extends ClientError {

    public NotFound(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
