package mallbots.messages.stores;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The messages mallbots.stores sends: its integration events. */
public final class StoresMessages {

    public static final String SOURCE = "mallbots.stores";

    public static final MessageType<StoreCreated> STORE_CREATED =
            MessageType.of(SOURCE, "StoreCreated", StoreCreated.class);
    public static final MessageType<StoreParticipationToggled> STORE_PARTICIPATION_TOGGLED =
            MessageType.of(SOURCE, "StoreParticipationToggled", StoreParticipationToggled.class);
    public static final MessageType<StoreRebranded> STORE_REBRANDED =
            MessageType.of(SOURCE, "StoreRebranded", StoreRebranded.class);
    public static final MessageType<ProductAdded> PRODUCT_ADDED =
            MessageType.of(SOURCE, "ProductAdded", ProductAdded.class);
    public static final MessageType<ProductRebranded> PRODUCT_REBRANDED =
            MessageType.of(SOURCE, "ProductRebranded", ProductRebranded.class);
    public static final MessageType<ProductPriceIncreased> PRODUCT_PRICE_INCREASED =
            MessageType.of(SOURCE, "ProductPriceIncreased", ProductPriceIncreased.class);
    public static final MessageType<ProductPriceDecreased> PRODUCT_PRICE_DECREASED =
            MessageType.of(SOURCE, "ProductPriceDecreased", ProductPriceDecreased.class);
    public static final MessageType<ProductRemoved> PRODUCT_REMOVED =
            MessageType.of(SOURCE, "ProductRemoved", ProductRemoved.class);

    public static final MessageTypes ALL = MessageTypes.of(
            STORE_CREATED,
            STORE_PARTICIPATION_TOGGLED,
            STORE_REBRANDED,
            PRODUCT_ADDED,
            PRODUCT_REBRANDED,
            PRODUCT_PRICE_INCREASED,
            PRODUCT_PRICE_DECREASED,
            PRODUCT_REMOVED);

    private StoresMessages() {
    }
}
