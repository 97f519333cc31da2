package mallbots.messages.cosec;

import mallbots.messages.Require;

/** Saga command to depot: make the shopping list available to bots. */
public record InitiateShopping(String shoppingListId) {

    public InitiateShopping {
        Require.id(shoppingListId, "shoppingListId");
    }
}
