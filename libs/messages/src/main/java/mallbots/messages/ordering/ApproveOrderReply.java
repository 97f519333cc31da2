package mallbots.messages.ordering;

/** The answer of ordering to ApproveOrder: the outcome, and a failure's reason, are in the metadata. */
public record ApproveOrderReply() {
}
