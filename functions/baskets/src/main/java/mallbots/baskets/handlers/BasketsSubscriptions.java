package mallbots.baskets.handlers;

import java.util.Objects;
import mallbots.baskets.BasketsModule;
import mallbots.baskets.domain.CachedProduct;
import mallbots.baskets.domain.CachedStore;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductPriceDecreased;
import mallbots.messages.stores.ProductPriceIncreased;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.ProductRemoved;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.cache.CacheFeed;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.consumer.MessageHandlers;

/**
 * Every message baskets consumes: the stores context's events, each merged into a cache: the events
 * that carry a store's name, and every product event (baskets needs the price).
 * StoreParticipationToggled is not among them: a basket does not care, and the template's rule
 * does not route it here (a copy that did arrive would fail and reach the dead-letter queue).
 */
public final class BasketsSubscriptions {

    private BasketsSubscriptions() {
    }

    public static MessageHandlers of(BasketsModule baskets) {
        Objects.requireNonNull(baskets, "baskets");
        EntityCache<CachedStore> stores = baskets.storeCache();
        EntityCache<CachedProduct> products = baskets.productCache();
        return MessageHandlers.builder()
                .on(StoresMessages.STORE_CREATED, CacheFeed.merge(stores, StoreCreated::storeId,
                        (store, event, version) -> store.named(event.name(), version)))
                .on(StoresMessages.STORE_REBRANDED, CacheFeed.merge(stores, StoreRebranded::storeId,
                        (store, event, version) -> store.named(event.name(), version)))
                .on(StoresMessages.PRODUCT_ADDED, CacheFeed.merge(products, ProductAdded::productId,
                        (product, event, version) -> product.added(event.storeId(), event.name(), event.price(),
                                version)))
                .on(StoresMessages.PRODUCT_REBRANDED, CacheFeed.merge(products, ProductRebranded::productId,
                        (product, event, version) -> product.rebranded(event.name(), version)))
                .on(StoresMessages.PRODUCT_PRICE_INCREASED, CacheFeed.merge(products, ProductPriceIncreased::productId,
                        (product, event, version) -> product.repriced(event.price(), version)))
                .on(StoresMessages.PRODUCT_PRICE_DECREASED, CacheFeed.merge(products, ProductPriceDecreased::productId,
                        (product, event, version) -> product.repriced(event.price(), version)))
                .on(StoresMessages.PRODUCT_REMOVED, CacheFeed.remove(products, ProductRemoved::productId))
                .build();
    }
}
