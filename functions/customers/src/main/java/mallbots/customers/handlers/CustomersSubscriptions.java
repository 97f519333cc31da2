package mallbots.customers.handlers;

import java.util.Objects;
import mallbots.customers.adapters.AuthorizeCustomerReplies;
import mallbots.customers.application.DecideAuthorization;
import mallbots.messages.cosec.AuthorizeCustomerCommand;
import mallbots.platform.consumer.MessageHandler;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.CommandReplies;

/** Answers the saga's AuthorizeCustomer, once per command: a redelivered command gets the same reply. */
final class AuthorizeCustomerHandler implements MessageHandler<AuthorizeCustomerCommand> {

    private final DecideAuthorization authorization;
    private final CommandReplies replies;

    AuthorizeCustomerHandler(DecideAuthorization authorization, CommandReplies replies) {
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public void handle(Message<AuthorizeCustomerCommand> command) {
        replies.answer(command, () ->
                AuthorizeCustomerReplies.of(command, authorization.authorize(command.data().customerId())));
    }
}
