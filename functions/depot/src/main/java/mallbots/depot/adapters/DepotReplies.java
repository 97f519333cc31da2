package mallbots.depot.adapters;

import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.CreateShoppingListCommand;
import mallbots.messages.cosec.InitiateShoppingCommand;
import mallbots.messages.depot.CancelShoppingListReply;
import mallbots.messages.depot.CreateShoppingListReply;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.InitiateShoppingReply;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaReplies;

/** The replies depot sends the saga: success (CreateShoppingList's with the list's id) or failure with the reason. */
public final class DepotReplies {

    private DepotReplies() {
    }

    public static Message<CreateShoppingListReply> created(Message<CreateShoppingListCommand> command, String shoppingListId) {
        return SagaReplies.success(command, DepotMessages.CREATE_SHOPPING_LIST_REPLY,
                new CreateShoppingListReply(shoppingListId));
    }

    public static Message<CreateShoppingListReply> notCreated(Message<CreateShoppingListCommand> command, String reason) {
        return SagaReplies.failure(command, DepotMessages.CREATE_SHOPPING_LIST_REPLY,
                new CreateShoppingListReply(null), reason);
    }

    public static Message<CancelShoppingListReply> canceled(Message<CancelShoppingListCommand> command) {
        return SagaReplies.success(command, DepotMessages.CANCEL_SHOPPING_LIST_REPLY, new CancelShoppingListReply());
    }

    public static Message<CancelShoppingListReply> notCanceled(Message<CancelShoppingListCommand> command, String reason) {
        return SagaReplies.failure(command, DepotMessages.CANCEL_SHOPPING_LIST_REPLY, new CancelShoppingListReply(),
                reason);
    }

    public static Message<InitiateShoppingReply> initiated(Message<InitiateShoppingCommand> command) {
        return SagaReplies.success(command, DepotMessages.INITIATE_SHOPPING_REPLY, new InitiateShoppingReply());
    }

    public static Message<InitiateShoppingReply> notInitiated(Message<InitiateShoppingCommand> command, String reason) {
        return SagaReplies.failure(command, DepotMessages.INITIATE_SHOPPING_REPLY, new InitiateShoppingReply(),
                reason);
    }
}
