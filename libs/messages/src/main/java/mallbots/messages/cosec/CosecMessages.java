package mallbots.messages.cosec;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The commands the create-order saga sends to its participants. */
public final class CosecMessages {

    public static final String SOURCE = "mallbots.cosec";

    public static final MessageType<AuthorizeCustomerCommand> AUTHORIZE_CUSTOMER =
            MessageType.of(SOURCE, "AuthorizeCustomer", AuthorizeCustomerCommand.class);
    public static final MessageType<CreateShoppingListCommand> CREATE_SHOPPING_LIST =
            MessageType.of(SOURCE, "CreateShoppingList", CreateShoppingListCommand.class);
    public static final MessageType<CancelShoppingListCommand> CANCEL_SHOPPING_LIST =
            MessageType.of(SOURCE, "CancelShoppingList", CancelShoppingListCommand.class);
    public static final MessageType<ConfirmPaymentCommand> CONFIRM_PAYMENT =
            MessageType.of(SOURCE, "ConfirmPayment", ConfirmPaymentCommand.class);
    public static final MessageType<InitiateShoppingCommand> INITIATE_SHOPPING =
            MessageType.of(SOURCE, "InitiateShopping", InitiateShoppingCommand.class);
    public static final MessageType<ApproveOrderCommand> APPROVE_ORDER =
            MessageType.of(SOURCE, "ApproveOrder", ApproveOrderCommand.class);
    public static final MessageType<RejectOrderCommand> REJECT_ORDER =
            MessageType.of(SOURCE, "RejectOrder", RejectOrderCommand.class);

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
