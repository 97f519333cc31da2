package mallbots.platform.api;

/** 404: no route serves this method and path (a missing entity is the domain's NotFound). */
public class NoRoute extends ClientError {

    public NoRoute(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
