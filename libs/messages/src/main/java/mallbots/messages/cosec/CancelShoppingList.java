package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga compensation to depot: cancel the shopping list. */
public record CancelShoppingList(String shoppingListId) {

    public CancelShoppingList {
        Require.id(shoppingListId, "shoppingListId");
    }
}
