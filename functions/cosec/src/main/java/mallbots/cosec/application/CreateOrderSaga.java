package mallbots.cosec.application;

import java.util.List;
import mallbots.cosec.domain.CreateOrderData;
import mallbots.messages.cosec.ApproveOrderCommand;
import mallbots.messages.cosec.AuthorizeCustomerCommand;
import mallbots.messages.cosec.CancelShoppingListCommand;
import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.CreateShoppingListCommand;
import mallbots.messages.cosec.InitiateShoppingCommand;
import mallbots.messages.cosec.RejectOrderCommand;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.saga.SagaDefinition;
import mallbots.platform.saga.SagaStep;

/**
 * The create-order saga: the domain's steps, with the three that need nothing from each other
 * sent together (see the module's README for why that is safe):
 *
 * <ol>
 *   <li>no action; compensation RejectOrder (with the saga's reason: the refusals, or "timed out")
 *   <li>in parallel: AuthorizeCustomer; CreateShoppingList (the reply's shoppingListId is
 *       remembered; compensation CancelShoppingList); ConfirmPayment (amount = the order's total)
 *   <li>InitiateShopping
 *   <li>ApproveOrder (with the shopping list's id)
 * </ol>
 */
public final class CreateOrderSaga {

    public static final String NAME = "CreateOrderSaga";
    public static final String REPLY_TO = CosecMessages.SOURCE;

    /** Every reply a participant sends to this saga's commands and compensations. */
    public static final List<MessageType<?>> REPLIES = List.of(
            CustomersMessages.AUTHORIZE_CUSTOMER_REPLY,
            DepotMessages.CREATE_SHOPPING_LIST_REPLY,
            DepotMessages.CANCEL_SHOPPING_LIST_REPLY,
            PaymentsMessages.CONFIRM_PAYMENT_REPLY,
            DepotMessages.INITIATE_SHOPPING_REPLY,
            OrderingMessages.APPROVE_ORDER_REPLY,
            OrderingMessages.REJECT_ORDER_REPLY);

    public static final SagaDefinition<CreateOrderData> DEFINITION = SagaDefinition.of(NAME, REPLY_TO,
            CreateOrderData.class,
            SagaStep.<CreateOrderData>withoutAction()
                    .compensatedBy(CosecMessages.REJECT_ORDER,
                            (CreateOrderData data, String reason) -> new RejectOrderCommand(data.orderId(), reason)),
            SagaStep.parallel(
                    SagaStep.action(CosecMessages.AUTHORIZE_CUSTOMER,
                            data -> new AuthorizeCustomerCommand(data.customerId())),
                    SagaStep.<CreateOrderData, CreateShoppingListCommand>action(CosecMessages.CREATE_SHOPPING_LIST,
                                    data -> new CreateShoppingListCommand(data.orderId(), data.items().stream()
                                            .map(item -> new CreateShoppingListCommand.Item(item.productId(),
                                                    item.storeId(), item.quantity()))
                                            .toList()))
                            .onSuccess(DepotMessages.CREATE_SHOPPING_LIST_REPLY, (data, reply) ->
                                    data.withShoppingListId(requireListId(data, reply.shoppingListId())))
                            .compensatedBy(CosecMessages.CANCEL_SHOPPING_LIST,
                                    data -> new CancelShoppingListCommand(data.requireShoppingListId())),
                    SagaStep.action(CosecMessages.CONFIRM_PAYMENT,
                            data -> new ConfirmPaymentCommand(data.paymentId(), data.customerId(), data.total()))),
            SagaStep.action(CosecMessages.INITIATE_SHOPPING,
                    data -> new InitiateShoppingCommand(data.requireShoppingListId())),
            SagaStep.action(CosecMessages.APPROVE_ORDER,
                    data -> new ApproveOrderCommand(data.orderId(), data.requireShoppingListId())));

    private CreateOrderSaga() {
    }

    private static String requireListId(CreateOrderData data, String shoppingListId) {
        if (shoppingListId == null) {
            // the schema lets a reply omit it; a success without it is the depot's bug, not a list
            throw new IllegalArgumentException("CreateShoppingListReply for order " + data.orderId()
                    + " is a success without shoppingListId");
        }
        return shoppingListId;
    }
}
