package mallbots.messages.depot;

import mallbots.messages.Require;

/** Integration event from mallbots.depot. A shopping list was canceled. */
public record ShoppingListCanceled(String shoppingListId, String orderId) {

    public ShoppingListCanceled {
        Require.id(shoppingListId, "shoppingListId");
        Require.id(orderId, "orderId");
    }
}
