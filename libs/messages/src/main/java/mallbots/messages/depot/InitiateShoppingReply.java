package mallbots.messages.depot;

/** The answer of depot to InitiateShopping: the outcome, and a failure's reason, are in the metadata. */
public record InitiateShoppingReply() {
}
