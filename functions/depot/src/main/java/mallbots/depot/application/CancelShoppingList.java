package mallbots.depot.application;

import java.util.Objects;
import mallbots.depot.domain.ShoppingList;
import mallbots.depot.domain.ShoppingListStatus;
import mallbots.platform.messaging.Cause;

/** Cancels a shopping list, announcing ShoppingListCanceled; a completed list cannot be canceled. */
public final class CancelShoppingList {

    private final ShoppingLists lists;

    public CancelShoppingList(ShoppingLists lists) {
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /**
     * A client's cancel: only a list that is not completed or canceled already.
     *
     * @throws mallbots.platform.domain.NotFound      if there is no such list
     * @throws mallbots.platform.domain.RuleViolation if it is completed or canceled
     */
    public ShoppingList cancel(String shoppingListId) {
        return lists.change(shoppingListId, Cause.request(), ShoppingList::cancel);
    }

    /**
     * The saga's compensation (CancelShoppingList): a list canceled already stays so and the
     * compensation succeeds; a completed one refuses.
     *
     * @throws mallbots.platform.domain.NotFound      if there is no such list
     * @throws mallbots.platform.domain.RuleViolation if it is completed
     */
    public ShoppingList compensate(String shoppingListId, Cause cause) {
        return lists.change(shoppingListId, cause,
                list -> list.status() == ShoppingListStatus.CANCELED ? list : list.cancel());
    }
}
