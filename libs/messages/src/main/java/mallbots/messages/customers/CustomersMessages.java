package mallbots.messages.customers;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The messages mallbots.customers sends: its integration events and its replies to saga commands. */
public final class CustomersMessages {

    public static final String SOURCE = "mallbots.customers";

    public static final MessageType<CustomerRegistered> CUSTOMER_REGISTERED =
            MessageType.of(SOURCE, "CustomerRegistered", CustomerRegistered.class);
    public static final MessageType<CustomerSmsChanged> CUSTOMER_SMS_CHANGED =
            MessageType.of(SOURCE, "CustomerSmsChanged", CustomerSmsChanged.class);
    public static final MessageType<CustomerEnabled> CUSTOMER_ENABLED =
            MessageType.of(SOURCE, "CustomerEnabled", CustomerEnabled.class);
    public static final MessageType<CustomerDisabled> CUSTOMER_DISABLED =
            MessageType.of(SOURCE, "CustomerDisabled", CustomerDisabled.class);
    public static final MessageType<AuthorizeCustomerReply> AUTHORIZE_CUSTOMER_REPLY =
            MessageType.of(SOURCE, "AuthorizeCustomerReply", AuthorizeCustomerReply.class);

    public static final MessageTypes ALL = MessageTypes.of(
            CUSTOMER_REGISTERED,
            CUSTOMER_SMS_CHANGED,
            CUSTOMER_ENABLED,
            CUSTOMER_DISABLED,
            AUTHORIZE_CUSTOMER_REPLY);

    private CustomersMessages() {
    }
}
