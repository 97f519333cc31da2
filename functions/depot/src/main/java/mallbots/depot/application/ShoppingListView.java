package mallbots.depot.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import mallbots.depot.domain.ShoppingList;

/**
 * A shopping list as the API shows it: status as "pending", "available", "assigned",
 * "completed" or "canceled"; no assignedBotId before a bot takes it; the stops in the order
 * the stores first appear in the order's items.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShoppingListView(String id, String orderId, String status, String assignedBotId, List<Stop> stops) {

    public ShoppingListView {
        stops = List.copyOf(stops);
    }

    public static ShoppingListView of(ShoppingList list) {
        return new ShoppingListView(list.id(), list.orderId(), list.status().label(), list.assignedBotId(),
                list.stops().stream().map(Stop::of).toList());
    }

    /** A store to visit and what to take there. */
    public record Stop(String storeId, String storeName, String storeLocation, List<Item> items) {

        static Stop of(ShoppingList.Stop stop) {
            return new Stop(stop.storeId(), stop.storeName(), stop.storeLocation(),
                    stop.items().stream().map(item -> new Item(item.productId(), item.productName(), item.quantity()))
                            .toList());
        }
    }

    public record Item(String productId, String productName, int quantity) {
    }
}
