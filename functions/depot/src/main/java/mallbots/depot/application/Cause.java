package mallbots.depot.application;

import java.util.Objects;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;

/**
 * What caused a change of a shopping list: a client's request (no message; the events it
 * announces start a flow), or a message (applied once per message id; the events it announces
 * are caused by it).
 *
 * @param messageId null for a request
 * @param metadata  the causing message's metadata; null for a request
 */
public record Cause(String messageId, Metadata metadata) {

    public Cause {
        if ((messageId == null) != (metadata == null)) {
            throw new IllegalArgumentException("a message cause has both its id and its metadata");
        }
    }

    public static Cause request() {
        return new Cause(null, null);
    }

    public static Cause of(Message<?> message) {
        Objects.requireNonNull(message, "message");
        return new Cause(message.messageId(), message.metadata());
    }

    public boolean isMessage() {
        return messageId != null;
    }
}
