package mallbots.depot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;

/**
 * What a bot collects for one order: a stop per store (in the order the stores first appear in
 * the order's items), at each the products and how many. It is built pending, made available to
 * bots when the order's payment is confirmed, assigned to the bot that takes it, and completed
 * when the bot delivers; it can be canceled until it is completed.
 *
 * @param assignedBotId null until a bot takes it
 */
public record ShoppingList(String id, String orderId, List<Stop> stops, String assignedBotId,
        ShoppingListStatus status) {

    public ShoppingList {
        InvalidValue.requireText(id, "id");
        InvalidValue.requireText(orderId, "orderId");
        stops = List.copyOf(stops);
        if (stops.isEmpty()) {
            throw new InvalidValue("a shopping list has at least one stop");
        }
        Objects.requireNonNull(status, "status");
    }

    /** One store to visit and what to take there. */
    public record Stop(String storeId, String storeName, String storeLocation, List<Item> items) {

        public Stop {
            InvalidValue.requireText(storeId, "storeId");
            InvalidValue.requireText(storeName, "storeName");
            InvalidValue.requireText(storeLocation, "storeLocation");
            items = List.copyOf(items);
        }
    }

    /** A product to take and how many. */
    public record Item(String productId, String productName, int quantity) {

        public Item {
            InvalidValue.requireText(productId, "productId");
            InvalidValue.requireText(productName, "productName");
            if (quantity < 1) {
                throw new InvalidValue("quantity must be at least 1, was " + quantity);
            }
        }
    }

    /** One item of an order, with what the caches say of its store and product. */
    public record Line(StoreToVisit store, ProductToPick product, int quantity) {

        public Line {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(product, "product");
        }
    }

    /**
     * A pending list for the order's lines, grouped by store; the same product twice is one item
     * with the quantities added.
     *
     * @throws RuleViolation if a line's store or product is not known, or the product was removed
     *         or is sold by another store
     */
    public static ShoppingList plan(String id, String orderId, List<Line> lines) {
        if (lines.isEmpty()) {
            throw new InvalidValue("a shopping list needs at least one item");
        }
        Map<String, Line> storeOf = new LinkedHashMap<>();
        Map<String, Map<String, Item>> itemsOf = new LinkedHashMap<>();
        for (Line line : lines) {
            requireShoppable(line);
            String storeId = line.store().storeId();
            storeOf.putIfAbsent(storeId, line);
            itemsOf.computeIfAbsent(storeId, ignored -> new LinkedHashMap<>()).merge(line.product().productId(),
                    new Item(line.product().productId(), line.product().name().value(), line.quantity()),
                    (first, more) -> new Item(first.productId(), first.productName(),
                            first.quantity() + more.quantity()));
        }
        List<Stop> stops = new ArrayList<>();
        storeOf.forEach((storeId, line) -> stops.add(new Stop(storeId, line.store().name().value(),
                line.store().location().value(), List.copyOf(itemsOf.get(storeId).values()))));
        return new ShoppingList(id, orderId, stops, null, ShoppingListStatus.PENDING);
    }

    private static void requireShoppable(Line line) {
        StoreToVisit store = line.store();
        ProductToPick product = line.product();
        if (!store.known()) {
            throw new RuleViolation("store " + store.storeId() + " is unknown");
        }
        if (product.removed()) {
            throw new RuleViolation("product " + product.productId() + " was removed");
        }
        if (!product.available()) {
            throw new RuleViolation("product " + product.productId() + " is unknown");
        }
        if (!product.storeId().equals(store.storeId())) {
            throw new RuleViolation("product " + product.productId() + " is not sold by store " + store.storeId());
        }
    }

    /** Offered to the bots (InitiateShopping): only a pending list. */
    public ShoppingList makeAvailable() {
        requireStatus(ShoppingListStatus.PENDING, "made available");
        return with(assignedBotId, ShoppingListStatus.AVAILABLE);
    }

    /** Taken by a bot: only an available list. */
    public ShoppingList assign(String botId) {
        String bot = InvalidValue.requireText(botId, "botId");
        requireStatus(ShoppingListStatus.AVAILABLE, "assigned");
        return with(bot, ShoppingListStatus.ASSIGNED);
    }

    /** Delivered by its bot: only an assigned list. */
    public ShoppingList complete() {
        requireStatus(ShoppingListStatus.ASSIGNED, "completed");
        return with(assignedBotId, ShoppingListStatus.COMPLETED);
    }

    /** Called off: any list not completed or canceled already. */
    public ShoppingList cancel() {
        if (!status.open()) {
            throw new RuleViolation("shopping list " + id + " is " + status.label() + ": it cannot be canceled");
        }
        return with(assignedBotId, ShoppingListStatus.CANCELED);
    }

    private void requireStatus(ShoppingListStatus required, String what) {
        if (status != required) {
            throw new RuleViolation("shopping list " + id + " is " + status.label() + ", not " + required.label()
                    + ": it cannot be " + what);
        }
    }

    private ShoppingList with(String botId, ShoppingListStatus newStatus) {
        return new ShoppingList(id, orderId, stops, botId, newStatus);
    }
}
