package mallbots.messages.cosec;

import java.util.List;
import mallbots.messages.Require;

/** Saga command to depot: build a pending shopping list for the order. */
public record CreateShoppingListCommand(String orderId, List<Item> items) {

    public CreateShoppingListCommand {
        Require.id(orderId, "orderId");
        items = Require.items(items, "items");
    }

    /** A product to collect and how many of it. */
    public record Item(String productId, String storeId, int quantity) {

        public Item {
            Require.id(productId, "productId");
            Require.id(storeId, "storeId");
            Require.quantity(quantity, "quantity");
        }
    }
}
