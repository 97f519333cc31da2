package mallbots.messages.ordering;

/** The answer of ordering to RejectOrder: the outcome, and a failure's reason, are in the metadata. */
public record RejectOrderReply() {
}
