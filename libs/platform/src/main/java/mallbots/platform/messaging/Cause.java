package mallbots.platform.messaging;

import java.util.Objects;

/**
 * What caused a change, as every use case takes it: a client's request (no message; the events
 * the change announces start a new flow), or a message (applied at most once per message id; the
 * events the change announces are caused by it and carry its correlation, saga and trace).
 *
 * @param message the causing message's metadata; null for a request
 */
public record Cause(@Nullable Metadata message) {

    private static final Cause REQUEST = new Cause(null);

    /** A client's request through the HTTP API. */
    public static Cause request() {
        return REQUEST;
    }

    public static Cause of(Message<?> message) {
        return of(Objects.requireNonNull(message, "message").metadata());
    }

    public static Cause of(Metadata message) {
        return new Cause(Objects.requireNonNull(message, "message"));
    }

    public boolean isMessage() {
        return message != null;
    }

    /** The causing message's id, the key of at-most-once application; null for a request. */
    public String messageId() {
        return message == null ? null : message.messageId();
    }

    /** The metadata of a message this change sends: a new flow for a request, a follow-up otherwise. */
    public Metadata followUp() {
        return message == null ? Metadata.first() : Metadata.causedBy(message);
    }
}
