package mallbots.platform.api;

/**
 * 401: the route needs a caller and the event carries none (the route is not behind the
 * template's authorizer, or the token had no subject). API Gateway answers a missing or bad
 * token itself; this is the function's own guard.
 */
public class Unauthorized extends ClientError {

    public Unauthorized(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 401;
    }
}
