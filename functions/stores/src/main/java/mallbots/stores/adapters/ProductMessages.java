package mallbots.stores.adapters;

import java.util.List;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductPriceDecreased;
import mallbots.messages.stores.ProductPriceIncreased;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.ProductRemoved;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.stores.domain.Product;
import mallbots.stores.domain.ProductEvent;

/**
 * A product's new events as integration events, like {@link StoreMessages}. A price change
 * carries the new price and the delta, so that a consumer that missed one still ends right.
 */
final class ProductMessages {

    private static final MessageCodec CODEC = new MessageCodec(StoresMessages.ALL);

    private ProductMessages() {
    }

    static List<OutboundEvent> of(Product product) {
        return product.uncommittedEvents().stream().map(event -> announce(product.id(), event)).toList();
    }

    private static OutboundEvent announce(String productId, VersionedEvent<ProductEvent> versioned) {
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
        return OutboundEvent.of(
                message.withMetadata(metadata -> metadata.withAggregate(productId, versioned.version())), CODEC);
    }
}
