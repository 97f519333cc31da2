package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga command to depot: make the shopping list available to bots. */
public record InitiateShoppingCommand(String shoppingListId) {

    public InitiateShoppingCommand {
        Require.id(shoppingListId, "shoppingListId");
    }
}
