package mallbots.platform.domain;

/** A value that can never be right, whatever the state: a blank name, a negative price (HTTP 400). */
public final class InvalidValue extends DomainException {

    public InvalidValue(String message) {
        super(message);
    }

    /** Refuses a null or blank text, naming the field. */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field + " is required");
        }
        return value.strip();
    }
}
