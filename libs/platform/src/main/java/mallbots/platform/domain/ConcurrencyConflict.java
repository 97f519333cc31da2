package mallbots.platform.domain;

/**
 * Another writer changed the thing between our read and our write (or created it first). The
 * write did not happen; reading again and re-running the command is the way out (see
 * {@link ConflictRetry}).
 */
public class ConcurrencyConflict extends RuntimeException {

    public ConcurrencyConflict(String message) {
        super(message);
    }

    public ConcurrencyConflict(String message, Throwable cause) {
        super(message, cause);
    }
}
