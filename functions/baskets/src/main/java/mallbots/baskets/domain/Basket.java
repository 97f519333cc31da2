package mallbots.baskets.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.baskets.domain.BasketEvent.BasketCanceled;
import mallbots.baskets.domain.BasketEvent.BasketCheckedOut;
import mallbots.baskets.domain.BasketEvent.BasketItemAdded;
import mallbots.baskets.domain.BasketEvent.BasketItemRemoved;
import mallbots.baskets.domain.BasketEvent.BasketStarted;
import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;

/**
 * A customer's basket: one line per product, filled while open, then canceled or checked out.
 *
 * <p>Adding a product that is already in the basket adds to its line's quantity, and the line
 * takes the latest price (and names) for its whole quantity. A basket is not an order: nothing is
 * reserved or promised until checkout, so the price a shopper sees for a line is the store's
 * price as last seen, the same for every unit, as in any web shop; one line per product is also
 * what "remove 2 apples" needs to mean one thing.
 *
 * <p>Each command checks its values first (a quantity below 1, a blank payment id:
 * {@link InvalidValue}, never right) and then the basket's state ({@link RuleViolation}): a
 * basket that is not open refuses everything, and so does a line the basket does not have.
 */
public final class Basket extends Aggregate<BasketEvent, BasketSnapshot> {

    private String customerId;
    private String paymentId;
    private BasketStatus status;
    private final Map<String, BasketItem> items = new LinkedHashMap<>();

    /** The blank basket that the event store restores and replays into; commands start at {@link #start}. */
    public Basket(String id) {
        super(id);
    }

    public static Basket start(String id, String customerId) {
        InvalidValue.requireText(id, "id");
        String customer = InvalidValue.requireText(customerId, "customerId");
        Basket basket = new Basket(id);
        basket.raise(new BasketStarted(customer));
        return basket;
    }

    public void addItem(ProductInfo product, int quantity) {
        Objects.requireNonNull(product, "product");
        requireQuantity(quantity);
        requireOpen();
        BasketItem line = items.get(product.productId());
        if (line != null && quantity > Integer.MAX_VALUE - line.quantity()) {
            throw new RuleViolation("basket " + id() + " cannot hold that many of product " + product.productId());
        }
        raise(new BasketItemAdded(product.storeId(), product.productId(), product.storeName(),
                product.productName(), product.price(), quantity));
    }

    public void removeItem(String productId, int quantity) {
        String product = InvalidValue.requireText(productId, "productId");
        requireQuantity(quantity);
        requireOpen();
        BasketItem line = items.get(product);
        if (line == null) {
            throw new RuleViolation("basket " + id() + " has no product " + product);
        }
        if (quantity > line.quantity()) {
            throw new RuleViolation("basket " + id() + " has only " + line.quantity() + " of product " + product
                    + ", cannot remove " + quantity);
        }
        raise(new BasketItemRemoved(product, quantity));
    }

    public void cancel() {
        requireOpen();
        raise(new BasketCanceled(customerId));
    }

    public void checkOut(String paymentId) {
        String payment = InvalidValue.requireText(paymentId, "paymentId");
        requireOpen();
        if (items.isEmpty()) {
            throw new RuleViolation("basket " + id() + " is empty: add an item before checking out");
        }
        raise(new BasketCheckedOut(customerId, payment, items()));
    }

    public String customerId() {
        return customerId;
    }

    /** The payment it was checked out with; null before. */
    public String paymentId() {
        return paymentId;
    }

    public BasketStatus status() {
        return status;
    }

    /** The lines in the order their products were first added. */
    public List<BasketItem> items() {
        return List.copyOf(items.values());
    }

    public Money total() {
        return items.values().stream().map(BasketItem::total).reduce(Money.ZERO, Money::plus);
    }

    @Override
    protected void when(BasketEvent event) {
        switch (event) {
            case BasketStarted started -> {
                customerId = started.customerId();
                status = BasketStatus.OPEN;
            }
            case BasketItemAdded added -> {
                BasketItem line = items.get(added.productId());
                int quantity = (line == null ? 0 : line.quantity()) + added.quantity();
                items.put(added.productId(), new BasketItem(added.storeId(), added.productId(), added.storeName(),
                        added.productName(), added.price(), quantity));
            }
            case BasketItemRemoved removed -> {
                BasketItem line = items.get(removed.productId());
                int left = line.quantity() - removed.quantity();
                if (left > 0) {
                    items.put(line.productId(), new BasketItem(line.storeId(), line.productId(), line.storeName(),
                            line.productName(), line.price(), left));
                } else {
                    items.remove(line.productId());
                }
            }
            case BasketCanceled canceled -> status = BasketStatus.CANCELED;
            case BasketCheckedOut checkedOut -> {
                paymentId = checkedOut.paymentId();
                status = BasketStatus.CHECKED_OUT;
            }
        }
    }

    @Override
    public BasketSnapshot snapshot() {
        return new BasketSnapshot(customerId, paymentId, status, items());
    }

    @Override
    protected void restore(BasketSnapshot snapshot) {
        customerId = snapshot.customerId();
        paymentId = snapshot.paymentId();
        status = snapshot.status();
        items.clear();
        snapshot.items().forEach(item -> items.put(item.productId(), item));
    }

    private void requireOpen() {
        switch (status) {
            case OPEN -> {
            }
            case CANCELED -> throw new RuleViolation("basket " + id() + " is canceled");
            case CHECKED_OUT -> throw new RuleViolation("basket " + id() + " is checked out");
            case null -> throw new IllegalStateException("basket " + id() + " was never started");
        }
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1) {
            throw new InvalidValue("quantity must be at least 1, was " + quantity);
        }
    }
}
