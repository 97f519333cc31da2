package mallbots.platform.domain;

/** The thing a command or query names does not exist (HTTP 404). */
public non-sealed class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound of(String what, String id) {
        return new NotFound(what + " " + id + " not found");
    }
}
