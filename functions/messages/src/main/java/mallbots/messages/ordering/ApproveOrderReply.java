package mallbots.messages.ordering;

/** Saga reply from mallbots.ordering. Ordering's answer to ApproveOrder. */
public record ApproveOrderReply() {
}
