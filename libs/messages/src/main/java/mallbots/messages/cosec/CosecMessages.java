package mallbots.messages.cosec;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The commands the create-order saga sends to its participants. */
public final class CosecMessages {

    public static final String SOURCE = "mallbots.cosec";

    public static final MessageType<AuthorizeCustomer> AUTHORIZE_CUSTOMER =
            MessageType.of(SOURCE, "AuthorizeCustomer", AuthorizeCustomer.class);
    public static final MessageType<CreateShoppingList> CREATE_SHOPPING_LIST =
            MessageType.of(SOURCE, "CreateShoppingList", CreateShoppingList.class);
    public static final MessageType<CancelShoppingList> CANCEL_SHOPPING_LIST =
            MessageType.of(SOURCE, "CancelShoppingList", CancelShoppingList.class);
    public static final MessageType<ConfirmPayment> CONFIRM_PAYMENT =
            MessageType.of(SOURCE, "ConfirmPayment", ConfirmPayment.class);
    public static final MessageType<InitiateShopping> INITIATE_SHOPPING =
            MessageType.of(SOURCE, "InitiateShopping", InitiateShopping.class);
    public static final MessageType<ApproveOrder> APPROVE_ORDER =
            MessageType.of(SOURCE, "ApproveOrder", ApproveOrder.class);
    public static final MessageType<RejectOrder> REJECT_ORDER =
            MessageType.of(SOURCE, "RejectOrder", RejectOrder.class);

    public static final MessageTypes ALL = MessageTypes.of(
            AUTHORIZE_CUSTOMER,
            CREATE_SHOPPING_LIST,
            CANCEL_SHOPPING_LIST,
            CONFIRM_PAYMENT,
            INITIATE_SHOPPING,
            APPROVE_ORDER,
            REJECT_ORDER);

    private CosecMessages() {
    }
}
