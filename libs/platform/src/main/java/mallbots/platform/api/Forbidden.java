package mallbots.platform.api;

/** 403: the caller is known but may not do this (e.g. a customer route called with a subject that is not a customer id). */
public class Forbidden extends ClientError {

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }
}
