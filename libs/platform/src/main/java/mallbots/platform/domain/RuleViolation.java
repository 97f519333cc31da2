package mallbots.platform.domain;

/** A rule of the domain forbids the command in the current state, e.g. checking out an empty basket (HTTP 409). */
public final class RuleViolation extends DomainException {

    public RuleViolation(String message) {
        super(message);
    }
}
