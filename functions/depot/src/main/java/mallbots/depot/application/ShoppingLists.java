package mallbots.depot.application;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.messaging.Cause;

/** Where depot keeps its shopping lists; each change is stored with the integration event it announces. */
public interface ShoppingLists {

    Optional<ShoppingList> find(String shoppingListId);

    /** The lists made for an order (normally one). */
    List<ShoppingList> findByOrder(String orderId);

    /**
     * Stores a new list.
     *
     * @return false if a list with its id exists already (nothing written)
     */
    boolean add(ShoppingList list);

    /**
     * Runs {@code command} on the list and stores its result with the event it announces; a result
     * equal to the list writes nothing. A message cause is applied once: its redelivery changes
     * nothing and gets the list as it is.
     *
     * @return the list after the command
     * @throws mallbots.platform.domain.NotFound if there is no such list
     */
    ShoppingList change(String shoppingListId, Cause cause, UnaryOperator<ShoppingList> command);
}
