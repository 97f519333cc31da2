package mallbots.baskets.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;

/**
 * What baskets knows of a product, fed by the stores context's product events.
 *
 * <p>Events arrive at least once and in any order, and each carries only part of the product:
 * ProductAdded everything, ProductRebranded the name, a price change the new price,
 * ProductRemoved the end. So each part keeps the aggregate version that last set it, and an
 * event changes a part only if it is newer than that part. A single version for the whole entry
 * would be wrong: a rebrand (version 2) delivered after a price change (version 3) would be
 * taken for stale and the name would stay old. Applying the same events in any order, any number
 * of times, gives the same entry. An entry can start from any event; it is
 * {@linkplain #available() available} once ProductAdded has been seen and until removal.
 *
 * @param storeId      null until ProductAdded is seen (a product never moves to another store)
 * @param name         null until an event with the name is seen
 * @param nameVersion  the version of the event that set the name (0: none yet)
 * @param price        null until an event with the price is seen
 * @param priceVersion the version of the event that set the price (0: none yet)
 * @param removed      ProductRemoved was seen; it is final
 * @param version      the newest aggregate version seen, whatever it changed
 */
public record CachedProduct(
        String productId,
        String storeId,
        String name,
        long nameVersion,
        Money price,
        long priceVersion,
        boolean removed,
        long version) {

    public CachedProduct {
        InvalidValue.requireText(productId, "productId");
    }

    /** The entry of a product no event has been seen for yet. */
    public static CachedProduct unseen(String productId) {
        return new CachedProduct(productId, null, null, 0, null, 0, false, 0);
    }

    /** ProductAdded at {@code eventVersion}. */
    public CachedProduct added(String productStoreId, String productName, Money productPrice, long eventVersion) {
        requireVersion(eventVersion);
        InvalidValue.requireText(productStoreId, "storeId");
        CachedProduct named = withName(productName, eventVersion).withPrice(productPrice, eventVersion);
        return new CachedProduct(productId, productStoreId, named.name, named.nameVersion, named.price,
                named.priceVersion, removed, Math.max(version, eventVersion));
    }

    /** ProductRebranded at {@code eventVersion}. */
    public CachedProduct rebranded(String productName, long eventVersion) {
        requireVersion(eventVersion);
        return withName(productName, eventVersion).seen(eventVersion);
    }

    /** ProductPriceIncreased or ProductPriceDecreased at {@code eventVersion}: the new price, never the delta. */
    public CachedProduct repriced(Money newPrice, long eventVersion) {
        requireVersion(eventVersion);
        return withPrice(newPrice, eventVersion).seen(eventVersion);
    }

    /** ProductRemoved at {@code eventVersion}. */
    public CachedProduct removedAt(long eventVersion) {
        requireVersion(eventVersion);
        return new CachedProduct(productId, storeId, name, nameVersion, price, priceVersion, true,
                Math.max(version, eventVersion));
    }

    /** Known well enough to go into a basket: added (store, name and price known) and not removed. */
    public boolean available() {
        return storeId != null && name != null && price != null && !removed;
    }

    private CachedProduct withName(String productName, long eventVersion) {
        String newName = InvalidValue.requireText(productName, "name");
        if (eventVersion <= nameVersion) {
            return this;
        }
        return new CachedProduct(productId, storeId, newName, eventVersion, price, priceVersion, removed, version);
    }

    private CachedProduct withPrice(Money newPrice, long eventVersion) {
        Objects.requireNonNull(newPrice, "price");
        if (eventVersion <= priceVersion) {
            return this;
        }
        return new CachedProduct(productId, storeId, name, nameVersion, newPrice, eventVersion, removed, version);
    }

    private CachedProduct seen(long eventVersion) {
        return eventVersion <= version ? this
                : new CachedProduct(productId, storeId, name, nameVersion, price, priceVersion, removed, eventVersion);
    }

    private static void requireVersion(long eventVersion) {
        if (eventVersion < 1) {
            throw new IllegalArgumentException("an aggregate version is at least 1: " + eventVersion);
        }
    }
}
