package mallbots.depot.application;

import java.util.List;
import java.util.Objects;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.messaging.Cause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer canceled an order (OrderCanceled): its shopping list is canceled unless it was
 * completed or canceled already. The list is found by the shoppingId the event carries, else by
 * the order's id. No list (the saga had not made one yet) is nothing to do: the saga itself
 * cancels a list it makes afterwards, when the canceled order refuses approval.
 */
public final class CancelOrderShopping {

    private static final Logger log = LoggerFactory.getLogger(CancelOrderShopping.class);

    private final ShoppingLists lists;

    public CancelOrderShopping(ShoppingLists lists) {
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /** @return the lists of the order after the cancel (empty if it had none) */
    public List<ShoppingList> orderCanceled(String orderId, String shoppingId, Cause cause) {
        List<ShoppingList> ofOrder = shoppingId != null
                ? lists.find(shoppingId).filter(list -> list.orderId().equals(orderId)).stream().toList()
                : List.of();
        if (ofOrder.isEmpty()) {
            // no shoppingId, or one that is not the order's: look the order up
            ofOrder = lists.findByOrder(orderId);
        }
        if (ofOrder.isEmpty()) {
            log.info("order {} was canceled before depot made its shopping list: nothing to cancel", orderId);
        }
        return ofOrder.stream().map(list -> lists.change(list.id(), cause,
                current -> current.status().open() ? current.cancel() : current)).toList();
    }
}
