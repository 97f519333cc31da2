package mallbots.stores.domain;

import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.NotFound;
import mallbots.platform.domain.RuleViolation;
import mallbots.stores.domain.ProductEvent.ProductAdded;
import mallbots.stores.domain.ProductEvent.ProductPriceDecreased;
import mallbots.stores.domain.ProductEvent.ProductPriceIncreased;
import mallbots.stores.domain.ProductEvent.ProductRebranded;
import mallbots.stores.domain.ProductEvent.ProductRemoved;

/**
 * A product in a store's catalog, with a price above zero.
 *
 * <p>A removed product is gone for its users: the catalog no longer shows it (a read answers
 * 404), so every later command, a second remove included, is refused with {@link NotFound}
 * rather than a rule violation. Its history stays, which is why it is a flag and not a deletion.
 *
 * <p>A rebrand to the same name and description is refused like every command that would change
 * nothing (see {@link Store}).
 */
public final class Product extends Aggregate<ProductEvent, ProductSnapshot> {

    private String storeId;
    private String name;
    private String description;
    private String sku;
    private Money price;
    private boolean removed;

    /** The blank product that the event store restores and replays into; commands start at {@link #add}. */
    public Product(String id) {
        super(id);
    }

    /** @param description may be empty (or null, taken as empty) */
    public static Product add(String id, String storeId, String name, String description, String sku, Money price) {
        InvalidValue.requireText(id, "id");
        String store = InvalidValue.requireText(storeId, "storeId");
        String productName = InvalidValue.requireText(name, "name");
        String productDescription = optionalText(description);
        String productSku = InvalidValue.requireText(sku, "sku");
        Product product = new Product(id);
        product.raise(new ProductAdded(store, productName, productDescription, productSku, requirePrice(price)));
        return product;
    }

    public void rebrand(String newName, String newDescription) {
        String productName = InvalidValue.requireText(newName, "name");
        String productDescription = optionalText(newDescription);
        requireNotRemoved();
        if (productName.equals(name) && productDescription.equals(description)) {
            throw new RuleViolation("product " + id() + " is already named " + productName + " with that description");
        }
        raise(new ProductRebranded(productName, productDescription));
    }

    public void increasePrice(Money newPrice) {
        requirePrice(newPrice);
        requireNotRemoved();
        if (newPrice.compareTo(price) <= 0) {
            throw new RuleViolation("an increase must raise the price of product " + id() + " above "
                    + price + ", but " + newPrice + " does not");
        }
        raise(new ProductPriceIncreased(newPrice, newPrice.minus(price)));
    }

    public void decreasePrice(Money newPrice) {
        requirePrice(newPrice);
        requireNotRemoved();
        if (newPrice.compareTo(price) >= 0) {
            throw new RuleViolation("a decrease must lower the price of product " + id() + " below "
                    + price + ", but " + newPrice + " does not");
        }
        raise(new ProductPriceDecreased(newPrice, newPrice.minus(price)));
    }

    public void remove() {
        requireNotRemoved();
        raise(new ProductRemoved(storeId));
    }

    public String storeId() {
        return storeId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String sku() {
        return sku;
    }

    public Money price() {
        return price;
    }

    public boolean removed() {
        return removed;
    }

    @Override
    protected void when(ProductEvent event) {
        switch (event) {
            case ProductAdded added -> {
                storeId = added.storeId();
                name = added.name();
                description = added.description();
                sku = added.sku();
                price = added.price();
                removed = false;
            }
            case ProductRebranded rebranded -> {
                name = rebranded.name();
                description = rebranded.description();
            }
            case ProductPriceIncreased increased -> price = increased.price();
            case ProductPriceDecreased decreased -> price = decreased.price();
            case ProductRemoved gone -> removed = true;
        }
    }

    @Override
    public ProductSnapshot snapshot() {
        return new ProductSnapshot(storeId, name, description, sku, price, removed);
    }

    @Override
    protected void restore(ProductSnapshot snapshot) {
        storeId = snapshot.storeId();
        name = snapshot.name();
        description = snapshot.description();
        sku = snapshot.sku();
        price = snapshot.price();
        removed = snapshot.removed();
    }

    private void requireNotRemoved() {
        if (removed) {
            throw new NotFound("product " + id() + " was removed");
        }
    }

    /** A price is never zero or negative, whatever the product's state. */
    private static Money requirePrice(Money price) {
        if (price == null) {
            throw new InvalidValue("price is required");
        }
        if (!price.isPositive()) {
            throw new InvalidValue("price must be more than 0.00, was " + price);
        }
        return price;
    }

    private static String optionalText(String text) {
        return text == null ? "" : text.strip();
    }
}
