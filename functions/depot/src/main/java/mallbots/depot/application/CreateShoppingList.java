package mallbots.depot.application;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import mallbots.depot.domain.ProductToPick;
import mallbots.depot.domain.ShoppingList;
import mallbots.depot.domain.StoreToVisit;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Cause;

/**
 * Builds a pending shopping list for an order from depot's caches (the saga's CreateShoppingList).
 *
 * <p>The list's id is a name-based UUID of the command's message id, so a command decided a second
 * time (after a crash before its reply was stored) finds the list it made and answers with it,
 * whatever the caches say by then: the same command never makes two lists.
 */
public final class CreateShoppingList {

    private final ShoppingLists lists;
    private final EntityCache<StoreToVisit> stores;
    private final EntityCache<ProductToPick> products;

    public CreateShoppingList(ShoppingLists lists, EntityCache<StoreToVisit> stores,
            EntityCache<ProductToPick> products) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.products = Objects.requireNonNull(products, "products");
    }

    /** A product of the order, in the store the customer chose it from. */
    public record Wanted(String productId, String storeId, int quantity) {
    }

    /**
     * @param cause the saga's command: the list's id comes from its message id
     * @return the pending list (or the one this command made before)
     * @throws RuleViolation naming the first store or product that is unknown, removed, or not sold there
     */
    public ShoppingList create(Cause cause, String orderId, List<Wanted> items) {
        if (!cause.isMessage()) {
            throw new IllegalArgumentException("a shopping list is made for a saga command, not for a request");
        }
        String id = listIdFor(cause.messageId());
        var made = lists.find(id);
        if (made.isPresent()) {
            return made.get();
        }
        List<ShoppingList.Line> lines = new ArrayList<>();
        for (Wanted item : items) {
            StoreToVisit store = stores.find(item.storeId()).orElseGet(() -> StoreToVisit.unseen(item.storeId()));
            ProductToPick product = products.find(item.productId())
                    .orElseGet(() -> products.removed(item.productId())
                            ? ProductToPick.removedFromCatalog(item.productId())
                            : ProductToPick.unseen(item.productId()));
            lines.add(new ShoppingList.Line(store, product, item.quantity()));
        }
        ShoppingList list = ShoppingList.plan(id, orderId, lines);
        // false: the same command, delivered twice at once, made it meanwhile
        return lists.add(list) ? list : lists.find(id).orElseThrow();
    }

    /** The id of the list a command makes. */
    public static String listIdFor(String commandId) {
        return UUID.nameUUIDFromBytes(("shopping list of command " + Objects.requireNonNull(commandId, "commandId"))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
