package mallbots.depot.handlers;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import mallbots.depot.DepotModule;
import mallbots.depot.adapters.DepotReplies;
import mallbots.depot.application.CreateShoppingList;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.ProductAdded;
import mallbots.messages.stores.ProductRebranded;
import mallbots.messages.stores.ProductRemoved;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.cache.CacheFeed;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.domain.DomainException;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;

/**
 * What depot does with each message on its queue: the stores events that keep its caches, the
 * saga's commands (each answered once through {@link mallbots.platform.saga.CommandReplies}:
 * a refusal of the domain is a failure reply with its reason, anything else fails the record so
 * that it is retried), and OrderCanceled. Any other detail-type fails and reaches the DLQ.
 */
final class DepotSubscriptions {

    private DepotSubscriptions() {
    }

    static MessageHandlers of(DepotModule depot) {
        var stores = depot.storeCache();
        var products = depot.productCache();
        return MessageHandlers.builder()
                .on(StoresMessages.STORE_CREATED, CacheFeed.merge(stores, StoreCreated::storeId,
                        (store, event, version) -> store.created(event.name(), event.location(), version)))
                .on(StoresMessages.STORE_REBRANDED, CacheFeed.merge(stores, StoreRebranded::storeId,
                        (store, event, version) -> store.rebranded(event.name(), version)))
                .on(StoresMessages.PRODUCT_ADDED, CacheFeed.merge(products, ProductAdded::productId,
                        (product, event, version) -> product.added(event.storeId(), event.name(), version)))
                .on(StoresMessages.PRODUCT_REBRANDED, CacheFeed.merge(products, ProductRebranded::productId,
                        (product, event, version) -> product.rebranded(event.name(), version)))
                .on(StoresMessages.PRODUCT_REMOVED, CacheFeed.remove(products, ProductRemoved::productId))
                .on(CosecMessages.CREATE_SHOPPING_LIST, command -> depot.replies().answer(command, () -> decide(
                        () -> {
                            String listId = depot.createShoppingList().create(Cause.of(command),
                                    command.data().orderId(), wanted(command.data().items())).id();
                            return DepotReplies.created(command, listId);
                        },
                        reason -> DepotReplies.notCreated(command, reason))))
                .on(CosecMessages.CANCEL_SHOPPING_LIST, command -> depot.replies().answer(command, () -> decide(
                        () -> {
                            depot.cancelShoppingList().compensate(command.data().shoppingListId(), Cause.of(command));
                            return DepotReplies.canceled(command);
                        },
                        reason -> DepotReplies.notCanceled(command, reason))))
                .on(CosecMessages.INITIATE_SHOPPING, command -> depot.replies().answer(command, () -> decide(
                        () -> {
                            depot.initiateShopping().initiate(command.data().shoppingListId(), Cause.of(command));
                            return DepotReplies.initiated(command);
                        },
                        reason -> DepotReplies.notInitiated(command, reason))))
                .on(OrderingMessages.ORDER_CANCELED, m -> depot.cancelOrderShopping()
                        .orderCanceled(m.data().orderId(), m.data().shoppingId(), Cause.of(m)))
                .build();
    }

    /** The success reply, or the failure reply with the domain's reason for refusing. */
    private static Message<?> decide(Supplier<Message<?>> success, Function<String, Message<?>> failure) {
        try {
            return success.get();
        } catch (DomainException refused) {
            return failure.apply(refused.getMessage());
        }
    }

    private static List<CreateShoppingList.Wanted> wanted(
            List<mallbots.messages.cosec.CreateShoppingListCommand.Item> items) {
        return items.stream().map(item -> new CreateShoppingList.Wanted(item.productId(), item.storeId(),
                item.quantity())).toList();
    }

}
