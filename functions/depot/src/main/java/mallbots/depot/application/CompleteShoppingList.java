package mallbots.depot.application;

import java.util.Objects;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.messaging.Cause;

/** The bot delivered an assigned list: it completes, announcing ShoppingListCompleted (the order gets ready). */
public final class CompleteShoppingList {

    private final ShoppingLists lists;

    public CompleteShoppingList(ShoppingLists lists) {
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /**
     * @throws mallbots.platform.domain.NotFound      if there is no such list
     * @throws mallbots.platform.domain.RuleViolation if it is not assigned
     */
    public ShoppingList complete(String shoppingListId) {
        return lists.change(shoppingListId, Cause.request(), ShoppingList::complete);
    }
}
