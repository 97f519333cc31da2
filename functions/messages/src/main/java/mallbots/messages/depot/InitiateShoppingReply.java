package mallbots.messages.depot;

/** Saga reply from mallbots.depot. Depot's answer to InitiateShopping. */
public record InitiateShoppingReply() {
}
