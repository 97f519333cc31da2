package mallbots.customers.adapters;

import mallbots.customers.application.Authorization;
import mallbots.messages.cosec.AuthorizeCustomerCommand;
import mallbots.messages.customers.AuthorizeCustomerReply;
import mallbots.messages.customers.CustomersMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.saga.SagaReplies;

/** The AuthorizeCustomerReply that tells the saga an authorization's outcome. */
public final class CustomersReplies {

    private CustomersReplies() {
    }

    public static Message<AuthorizeCustomerReply> of(Message<AuthorizeCustomerCommand> command, Authorization authorization) {
        MessageType<AuthorizeCustomerReply> type = CustomersMessages.AUTHORIZE_CUSTOMER_REPLY;
        AuthorizeCustomerReply data = new AuthorizeCustomerReply();
        return authorization.granted()
                ? SagaReplies.success(command, type, data)
                : SagaReplies.failure(command, type, data, authorization.reason());
    }
}
