package mallbots.platform.saga;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.Outcome;

/**
 * Builds a participant's reply to a saga command: caused by the command (same correlation id,
 * the same sagaId, sagaName and replyTo), with the outcome and, for a failure, the reason. The
 * reply's message id is derived from the command's, so that even a reply decided a second time
 * (after a crash before it was stored) is the same message to the saga.
 */
public final class SagaReplies {

    private SagaReplies() {
    }

    public static <R> Message<R> success(Message<?> command, MessageType<R> replyType, R data) {
        return new Message<>(replyType, metadata(command).withOutcome(Outcome.SUCCESS, null), data);
    }

    public static <R> Message<R> failure(Message<?> command, MessageType<R> replyType, R data, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a failure reply says why");
        }
        return new Message<>(replyType, metadata(command).withOutcome(Outcome.FAILURE, reason), data);
    }

    /** The message id of the reply to a command: a name-based UUID of the command's message id. */
    public static String replyId(Message<?> command) {
        return UUID.nameUUIDFromBytes(("reply to " + command.messageId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Metadata metadata(Message<?> command) {
        Objects.requireNonNull(command, "command");
        Metadata metadata = command.metadata();
        if (metadata.sagaId() == null || metadata.sagaName() == null || metadata.replyTo() == null) {
            throw new IllegalArgumentException(command.detailType() + " " + command.messageId()
                    + " is not a saga command: it lacks sagaId, sagaName or replyTo");
        }
        return Metadata.causedBy(metadata).withMessageId(replyId(command));
    }
}
