package mallbots.messages.depot;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The messages mallbots.depot sends: its integration events and its replies to saga commands. */
public final class DepotMessages {

    public static final String SOURCE = "mallbots.depot";

    public static final MessageType<ShoppingListCompleted> SHOPPING_LIST_COMPLETED =
            MessageType.of(SOURCE, "ShoppingListCompleted", ShoppingListCompleted.class);
    public static final MessageType<ShoppingListCanceled> SHOPPING_LIST_CANCELED =
            MessageType.of(SOURCE, "ShoppingListCanceled", ShoppingListCanceled.class);
    public static final MessageType<CreateShoppingListReply> CREATE_SHOPPING_LIST_REPLY =
            MessageType.of(SOURCE, "CreateShoppingListReply", CreateShoppingListReply.class);
    public static final MessageType<CancelShoppingListReply> CANCEL_SHOPPING_LIST_REPLY =
            MessageType.of(SOURCE, "CancelShoppingListReply", CancelShoppingListReply.class);
    public static final MessageType<InitiateShoppingReply> INITIATE_SHOPPING_REPLY =
            MessageType.of(SOURCE, "InitiateShoppingReply", InitiateShoppingReply.class);

    public static final MessageTypes ALL = MessageTypes.of(
            SHOPPING_LIST_COMPLETED,
            SHOPPING_LIST_CANCELED,
            CREATE_SHOPPING_LIST_REPLY,
            CANCEL_SHOPPING_LIST_REPLY,
            INITIATE_SHOPPING_REPLY);

    private DepotMessages() {
    }
}
