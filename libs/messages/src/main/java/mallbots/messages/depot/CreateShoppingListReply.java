package mallbots.messages.depot;

import mallbots.messages.Require;
import mallbots.platform.messaging.Nullable;

/**
 * The answer of depot to CreateShoppingList: the outcome, and a failure's reason, are in the metadata;
 * shoppingListId is present on success.
 */
public record CreateShoppingListReply(@Nullable String shoppingListId) {

    public CreateShoppingListReply {
        Require.idIfPresent(shoppingListId, "shoppingListId");
    }
}
