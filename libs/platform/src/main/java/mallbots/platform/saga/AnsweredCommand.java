package mallbots.platform.saga;

import java.util.Objects;
import mallbots.platform.messaging.OutboundEvent;

/**
 * The state of a participant's "command#&lt;messageId&gt;" item: which command was answered, and
 * the reply exactly as it was first published, so that a redelivered command gets it again.
 */
public record AnsweredCommand(String commandId, String commandType, OutboundEvent reply) {

    public AnsweredCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(reply, "reply");
    }
}
