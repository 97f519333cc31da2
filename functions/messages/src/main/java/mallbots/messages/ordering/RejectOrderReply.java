package mallbots.messages.ordering;

/** Saga reply from mallbots.ordering. Ordering's answer to RejectOrder. */
public record RejectOrderReply() {
}
