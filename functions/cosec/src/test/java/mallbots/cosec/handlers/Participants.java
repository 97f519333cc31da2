package mallbots.cosec.handlers;

import mallbots.messages.customers.AuthorizeCustomerReply;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.depot.CancelShoppingListReply;
import mallbots.messages.depot.CreateShoppingListReply;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.InitiateShoppingReply;
import mallbots.messages.ordering.ApproveOrderReply;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.ordering.RejectOrderReply;
import mallbots.messages.payments.ConfirmPaymentReply;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.saga.SagaReplies;

/** The saga's participants as the tests play them: each command answered with its own reply type. */
final class Participants {

    private Participants() {
    }

    /** The participant's success reply; a CreateShoppingList is answered with {@code shoppingListId}. */
    static Message<?> succeed(Message<?> command, String shoppingListId) {
        return switch (command.detailType()) {
            case "AuthorizeCustomer" -> SagaReplies.success(command, CustomersMessages.AUTHORIZE_CUSTOMER_REPLY,
                    new AuthorizeCustomerReply());
            case "CreateShoppingList" -> SagaReplies.success(command, DepotMessages.CREATE_SHOPPING_LIST_REPLY,
                    new CreateShoppingListReply(shoppingListId));
            case "CancelShoppingList" -> SagaReplies.success(command, DepotMessages.CANCEL_SHOPPING_LIST_REPLY,
                    new CancelShoppingListReply());
            case "ConfirmPayment" -> SagaReplies.success(command, PaymentsMessages.CONFIRM_PAYMENT_REPLY,
                    new ConfirmPaymentReply());
            case "InitiateShopping" -> SagaReplies.success(command, DepotMessages.INITIATE_SHOPPING_REPLY,
                    new InitiateShoppingReply());
            case "ApproveOrder" -> SagaReplies.success(command, OrderingMessages.APPROVE_ORDER_REPLY,
                    new ApproveOrderReply());
            case "RejectOrder" -> SagaReplies.success(command, OrderingMessages.REJECT_ORDER_REPLY,
                    new RejectOrderReply());
            default -> throw new IllegalArgumentException("not a saga command: " + command.detailType());
        };
    }

    /** The participant's failure reply, with its reason. */
    static Message<?> fail(Message<?> command, String reason) {
        return switch (command.detailType()) {
            case "AuthorizeCustomer" -> SagaReplies.failure(command, CustomersMessages.AUTHORIZE_CUSTOMER_REPLY,
                    new AuthorizeCustomerReply(), reason);
            case "CreateShoppingList" -> SagaReplies.failure(command, DepotMessages.CREATE_SHOPPING_LIST_REPLY,
                    new CreateShoppingListReply(null), reason);
            case "CancelShoppingList" -> SagaReplies.failure(command, DepotMessages.CANCEL_SHOPPING_LIST_REPLY,
                    new CancelShoppingListReply(), reason);
            case "ConfirmPayment" -> SagaReplies.failure(command, PaymentsMessages.CONFIRM_PAYMENT_REPLY,
                    new ConfirmPaymentReply(), reason);
            case "InitiateShopping" -> SagaReplies.failure(command, DepotMessages.INITIATE_SHOPPING_REPLY,
                    new InitiateShoppingReply(), reason);
            case "ApproveOrder" -> SagaReplies.failure(command, OrderingMessages.APPROVE_ORDER_REPLY,
                    new ApproveOrderReply(), reason);
            case "RejectOrder" -> SagaReplies.failure(command, OrderingMessages.REJECT_ORDER_REPLY,
                    new RejectOrderReply(), reason);
            default -> throw new IllegalArgumentException("not a saga command: " + command.detailType());
        };
    }
}
