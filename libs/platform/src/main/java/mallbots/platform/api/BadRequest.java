package mallbots.platform.api;

/** 400: The request is malformed: unparsable JSON, a field of the wrong type, a missing field or parameter. */
public class BadRequest extends ClientError {

    public BadRequest(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
