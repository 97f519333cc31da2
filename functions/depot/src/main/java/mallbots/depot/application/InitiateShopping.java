package mallbots.depot.application;

import java.util.Objects;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.messaging.Cause;

/**
 * Makes a pending list available to the bots (the saga's InitiateShopping). A list that is
 * already available, or further along (assigned, completed), was made available before: the
 * command succeeds and changes nothing. A canceled list refuses.
 */
public final class InitiateShopping {

    private final ShoppingLists lists;

    public InitiateShopping(ShoppingLists lists) {
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /**
     * @throws mallbots.platform.domain.NotFound       if there is no such list
     * @throws mallbots.platform.domain.RuleViolation  if it is canceled
     */
    public ShoppingList initiate(String shoppingListId, Cause cause) {
        return lists.change(shoppingListId, cause, list -> switch (list.status()) {
            case PENDING, CANCELED -> list.makeAvailable();
            case AVAILABLE, ASSIGNED, COMPLETED -> list;
        });
    }
}
