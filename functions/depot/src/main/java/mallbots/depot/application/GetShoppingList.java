package mallbots.depot.application;

import java.util.Objects;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.domain.NotFound;

/** Reads a shopping list. */
public final class GetShoppingList {

    private final ShoppingLists lists;

    public GetShoppingList(ShoppingLists lists) {
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /** @throws NotFound if there is no such list */
    public ShoppingList get(String shoppingListId) {
        return lists.find(shoppingListId).orElseThrow(() -> NotFound.of("shopping list", shoppingListId));
    }
}
