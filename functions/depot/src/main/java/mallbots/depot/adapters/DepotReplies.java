package mallbots.depot.adapters;

import mallbots.messages.cosec.CancelShoppingList;
import mallbots.messages.cosec.CreateShoppingList;
import mallbots.messages.cosec.InitiateShopping;
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

    public static Message<CreateShoppingListReply> created(Message<CreateShoppingList> command, String shoppingListId) {
        return SagaReplies.success(command, DepotMessages.CREATE_SHOPPING_LIST_REPLY,
                new CreateShoppingListReply(shoppingListId));
    }

    public static Message<CreateShoppingListReply> notCreated(Message<CreateShoppingList> command, String reason) {
        return SagaReplies.failure(command, DepotMessages.CREATE_SHOPPING_LIST_REPLY,
                new CreateShoppingListReply(null), reason);
    }

    public static Message<CancelShoppingListReply> canceled(Message<CancelShoppingList> command) {
        return SagaReplies.success(command, DepotMessages.CANCEL_SHOPPING_LIST_REPLY, new CancelShoppingListReply());
    }

    public static Message<CancelShoppingListReply> notCanceled(Message<CancelShoppingList> command, String reason) {
        return SagaReplies.failure(command, DepotMessages.CANCEL_SHOPPING_LIST_REPLY, new CancelShoppingListReply(),
                reason);
    }

    public static Message<InitiateShoppingReply> initiated(Message<InitiateShopping> command) {
        return SagaReplies.success(command, DepotMessages.INITIATE_SHOPPING_REPLY, new InitiateShoppingReply());
    }

    public static Message<InitiateShoppingReply> notInitiated(Message<InitiateShopping> command, String reason) {
        return SagaReplies.failure(command, DepotMessages.INITIATE_SHOPPING_REPLY, new InitiateShoppingReply(),
                reason);
    }
}
