package mallbots.messages.baskets;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The messages mallbots.baskets sends: its integration events. */
public final class BasketsMessages {

    public static final String SOURCE = "mallbots.baskets";

    public static final MessageType<BasketStarted> BASKET_STARTED =
            MessageType.of(SOURCE, "BasketStarted", BasketStarted.class);
    public static final MessageType<BasketCanceled> BASKET_CANCELED =
            MessageType.of(SOURCE, "BasketCanceled", BasketCanceled.class);
    public static final MessageType<BasketCheckedOut> BASKET_CHECKED_OUT =
            MessageType.of(SOURCE, "BasketCheckedOut", BasketCheckedOut.class);

    public static final MessageTypes ALL = MessageTypes.of(
            BASKET_STARTED,
            BASKET_CANCELED,
            BASKET_CHECKED_OUT);

    private BasketsMessages() {
    }
}
