package mallbots.baskets.adapters;

import java.util.Objects;
import mallbots.baskets.application.UpdateProductCache;
import mallbots.baskets.application.UpdateStoreCache;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores context's events that baskets subscribes to, each turned into a cache update:
 * the events that carry a store's name, and every product event (baskets needs the price).
 * StoreParticipationToggled is not among them: a basket does not care, and the template's rule
 * does not route it here (a copy that did arrive would fail and reach the dead-letter queue).
 *
 * <p>The version that orders the updates is the event's {@code aggregateVersion}; an event
 * without one cannot be placed and fails.
 */
public final class StoresEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(StoresEventHandlers.class);

    private StoresEventHandlers() {
    }

    public static MessageHandlers of(UpdateStoreCache stores, UpdateProductCache products) {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(products, "products");
        return MessageHandlers.builder()
                .on(StoresMessages.STORE_CREATED, m -> outcome(m,
                        stores.named(m.messageId(), m.data().storeId(), m.data().name(), version(m))))
                .on(StoresMessages.STORE_REBRANDED, m -> outcome(m,
                        stores.named(m.messageId(), m.data().storeId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_ADDED, m -> outcome(m, products.added(m.messageId(),
                        m.data().productId(), m.data().storeId(), m.data().name(), m.data().price(), version(m))))
                .on(StoresMessages.PRODUCT_REBRANDED, m -> outcome(m, products.rebranded(m.messageId(),
                        m.data().productId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_PRICE_INCREASED, m -> outcome(m, products.repriced(m.messageId(),
                        m.data().productId(), m.data().price(), version(m))))
                .on(StoresMessages.PRODUCT_PRICE_DECREASED, m -> outcome(m, products.repriced(m.messageId(),
                        m.data().productId(), m.data().price(), version(m))))
                .on(StoresMessages.PRODUCT_REMOVED, m -> outcome(m, products.removed(m.messageId(),
                        m.data().productId(), version(m))))
                .build();
    }

    private static long version(Message<?> message) {
        Long version = message.metadata().aggregateVersion();
        if (version == null) {
            throw new IllegalArgumentException(message.detailType() + " " + message.messageId()
                    + " has no metadata.aggregateVersion: the cache cannot tell whether it is newer");
        }
        return version;
    }

    private static void outcome(Message<?> message, boolean applied) {
        if (!applied) {
            log.info("{} {} already applied: skipped", message.detailType(), message.messageId());
        }
    }
}
