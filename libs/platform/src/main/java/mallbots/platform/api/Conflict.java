package mallbots.platform.api;

/** 409: The request collides with the current state (a duplicate, a concurrent change). */
public class Conflict extends ClientError {

    public Conflict(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }
}
