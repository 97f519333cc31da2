package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga compensation to depot: cancel the shopping list. */
public record CancelShoppingListCommand(String shoppingListId) {

    public CancelShoppingListCommand {
        Require.id(shoppingListId, "shoppingListId");
    }
}
