package mallbots.baskets.adapters;

import java.util.ArrayList;
import java.util.List;
import mallbots.baskets.domain.Basket;
import mallbots.baskets.domain.BasketEvent;
import mallbots.baskets.domain.BasketItem;
import mallbots.messages.baskets.BasketCanceled;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.baskets.BasketStarted;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;

/**
 * What baskets tells the other contexts about a basket's new domain events: BasketStarted,
 * BasketCanceled and BasketCheckedOut (with the lines' names and prices); adding and removing
 * items stays inside baskets. Each message carries the basket's id and the version its event made.
 * Baskets' commands come from HTTP requests, so each message starts a flow of its own.
 */
final class BasketsAnnouncements {

    private final MessageCodec codec = new MessageCodec(BasketsMessages.ALL);

    /** The messages announcing the basket's uncommitted events, in their order. */
    List<OutboundEvent> of(Basket basket) {
        List<OutboundEvent> messages = new ArrayList<>();
        for (VersionedEvent<BasketEvent> versioned : basket.uncommittedEvents()) {
            switch (versioned.event()) {
                case BasketEvent.BasketStarted started -> messages.add(message(BasketsMessages.BASKET_STARTED,
                        basket, versioned, new BasketStarted(basket.id(), started.customerId())));
                case BasketEvent.BasketCanceled canceled -> messages.add(message(BasketsMessages.BASKET_CANCELED,
                        basket, versioned, new BasketCanceled(basket.id())));
                case BasketEvent.BasketCheckedOut checkedOut -> messages.add(message(
                        BasketsMessages.BASKET_CHECKED_OUT, basket, versioned, new BasketCheckedOut(basket.id(),
                                checkedOut.customerId(), checkedOut.paymentId(), items(checkedOut.items()))));
                case BasketEvent.BasketItemAdded added -> {
                    // internal to baskets
                }
                case BasketEvent.BasketItemRemoved removed -> {
                    // internal to baskets
                }
            }
        }
        return List.copyOf(messages);
    }

    private <T> OutboundEvent message(MessageType<T> type, Basket basket, VersionedEvent<BasketEvent> event, T data) {
        Metadata metadata = Metadata.first().withAggregate(basket.id(), event.version());
        return OutboundEvent.of(new Message<>(type, metadata, data), codec);
    }

    private static List<BasketCheckedOut.Item> items(List<BasketItem> lines) {
        return lines.stream().map(line -> new BasketCheckedOut.Item(line.storeId(), line.productId(),
                line.storeName(), line.productName(), line.price(), line.quantity())).toList();
    }
}
