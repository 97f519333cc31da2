package mallbots.platform.domain;

/**
 * A command the domain refuses, with a reason a person can read. The HTTP layer maps the
 * subclasses to status codes; a message handler turns them into a failure reply or a no-op.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidValue, NotFound, RuleViolation {

    protected DomainException(String message) {
        super(message);
    }
}
