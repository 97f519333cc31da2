package mallbots.platform.api;

/** 422: The request is well formed but the domain refuses it (a rule it breaks). */
public class Unprocessable extends ClientError {

    public Unprocessable(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 422;
    }
}
