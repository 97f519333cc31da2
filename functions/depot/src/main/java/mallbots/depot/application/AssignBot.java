package mallbots.depot.application;

import java.util.Objects;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.messaging.Cause;

/** A bot takes an available list. */
public final class AssignBot {

    private final ShoppingLists lists;

    public AssignBot(ShoppingLists lists) {
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /**
     * @throws mallbots.platform.domain.NotFound      if there is no such list
     * @throws mallbots.platform.domain.RuleViolation if it is not available
     */
    public ShoppingList assign(String shoppingListId, String botId) {
        return lists.change(shoppingListId, Cause.request(), list -> list.assign(botId));
    }
}
