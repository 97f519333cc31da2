package mallbots.messages.depot;

import mallbots.messages.Require;

/** Integration event from mallbots.depot. A bot delivered a shopping list's items to the depot. */
public record ShoppingListCompleted(String shoppingListId, String orderId) {

    public ShoppingListCompleted {
        Require.id(shoppingListId, "shoppingListId");
        Require.id(orderId, "orderId");
    }
}
