package mallbots.messages.depot;

/** Saga reply from mallbots.depot. Depot's answer to CancelShoppingList. */
public record CancelShoppingListReply() {
}
