package mallbots.messages.depot;

import mallbots.messages.Require;
import mallbots.platform.messaging.Nullable;

/**
 * Saga reply from mallbots.depot. Depot's answer to CreateShoppingList; shoppingListId is present on
 * success.
 */
public record CreateShoppingListReply(@Nullable String shoppingListId) {

    public CreateShoppingListReply {
        Require.idIfPresent(shoppingListId, "shoppingListId");
    }
}
