package mallbots.stores.adapters;

import java.util.List;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductPriceDecreased;
import mallbots.messages.stores.ProductPriceIncreased;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.ProductRemoved;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreParticipationToggled;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.stores.domain.Product;
import mallbots.stores.domain.ProductEvent;
import mallbots.stores.domain.Store;
import mallbots.stores.domain.StoreEvent;

/**
 * What stores tells the other contexts: a store's or a product's new events as the integration
 * events of the published language, for the outbox. One message per event, started by the HTTP
 * request (its own correlation), carrying the aggregate's id and the version the event brought it
 * to. A price change carries the new price and the delta, so that a consumer that missed one
 * still ends right.
 */
final class StoresAnnouncements {

    private static final MessageCodec CODEC = new MessageCodec(StoresMessages.ALL);

    private StoresAnnouncements() {
    }

    static List<OutboundEvent> of(Store store) {
        return store.uncommittedEvents().stream().map(event -> announceStore(store.id(), event)).toList();
    }

    static List<OutboundEvent> of(Product product) {
        return product.uncommittedEvents().stream().map(event -> announceProduct(product.id(), event)).toList();
    }

    private static OutboundEvent announceStore(String storeId, VersionedEvent<StoreEvent> versioned) {
        Message<?> message = switch (versioned.event()) {
            case StoreEvent.StoreCreated created -> StoresMessages.STORE_CREATED.create(
                    new StoreCreated(storeId, created.name(), created.location()));
            case StoreEvent.StoreParticipationToggled toggled -> StoresMessages.STORE_PARTICIPATION_TOGGLED.create(
                    new StoreParticipationToggled(storeId, toggled.participating()));
            case StoreEvent.StoreRebranded rebranded -> StoresMessages.STORE_REBRANDED.create(
                    new StoreRebranded(storeId, rebranded.name()));
        };
        return outbound(message, storeId, versioned.version());
    }

    private static OutboundEvent announceProduct(String productId, VersionedEvent<ProductEvent> versioned) {
        Message<?> message = switch (versioned.event()) {
            case ProductEvent.ProductAdded added -> StoresMessages.PRODUCT_ADDED.create(new ProductAdded(
                    productId, added.storeId(), added.name(), added.description(), added.sku(), added.price()));
            case ProductEvent.ProductRebranded rebranded -> StoresMessages.PRODUCT_REBRANDED.create(
                    new ProductRebranded(productId, rebranded.name(), rebranded.description()));
            case ProductEvent.ProductPriceIncreased increased -> StoresMessages.PRODUCT_PRICE_INCREASED.create(
                    new ProductPriceIncreased(productId, increased.price(), increased.delta()));
            case ProductEvent.ProductPriceDecreased decreased -> StoresMessages.PRODUCT_PRICE_DECREASED.create(
                    new ProductPriceDecreased(productId, decreased.price(), decreased.delta()));
            case ProductEvent.ProductRemoved removed -> StoresMessages.PRODUCT_REMOVED.create(
                    new ProductRemoved(productId));
        };
        return outbound(message, productId, versioned.version());
    }

    private static OutboundEvent outbound(Message<?> message, String aggregateId, long version) {
        return OutboundEvent.of(message.withMetadata(metadata -> metadata.withAggregate(aggregateId, version)), CODEC);
    }
}
