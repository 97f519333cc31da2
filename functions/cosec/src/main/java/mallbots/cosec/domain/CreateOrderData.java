package mallbots.cosec.domain;

import java.util.List;
import java.util.Objects;
import mallbots.platform.domain.Money;

/**
 * What the create-order saga knows about its order: taken from OrderCreated, plus the id of the
 * shopping list once the depot made it (null before).
 */
public record CreateOrderData(
        String orderId,
        String customerId,
        String paymentId,
        List<ShoppingItem> items,
        Money total,
        String shoppingListId) {

    public CreateOrderData {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paymentId, "paymentId");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one item");
        }
        Objects.requireNonNull(total, "total");
    }

    /** The data of a new saga: no shopping list yet. */
    public static CreateOrderData of(String orderId, String customerId, String paymentId, List<ShoppingItem> items,
            Money total) {
        return new CreateOrderData(orderId, customerId, paymentId, items, total, null);
    }

    public CreateOrderData withShoppingListId(String id) {
        return new CreateOrderData(orderId, customerId, paymentId, items, total, Objects.requireNonNull(id, "id"));
    }

    /** The shopping list's id, which the steps after CreateShoppingList need. */
    public String requireShoppingListId() {
        if (shoppingListId == null) {
            throw new IllegalStateException("order " + orderId + " has no shopping list yet");
        }
        return shoppingListId;
    }
}
