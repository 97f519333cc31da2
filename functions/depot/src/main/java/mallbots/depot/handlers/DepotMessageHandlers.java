package mallbots.depot.handlers;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import mallbots.depot.adapters.DepotReplies;
import mallbots.depot.application.Cause;
import mallbots.depot.application.CreateShoppingList;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.domain.DomainException;
import mallbots.platform.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What depot does with each message on its queue: the stores events that keep its caches, the
 * saga's commands (each answered once through {@link mallbots.platform.saga.CommandReplies}:
 * a refusal of the domain is a failure reply with its reason, anything else fails the record so
 * that it is retried), and OrderCanceled. Any other detail-type fails and reaches the DLQ.
 */
final class DepotMessageHandlers {

    private static final Logger log = LoggerFactory.getLogger(DepotMessageHandlers.class);

    private DepotMessageHandlers() {
    }

    static MessageHandlers of(DepotModule depot) {
        var stores = depot.updateStoreCache();
        var products = depot.updateProductCache();
        return MessageHandlers.builder()
                .on(StoresMessages.STORE_CREATED, m -> skipped(m, stores.created(m.messageId(), m.data().storeId(),
                        m.data().name(), m.data().location(), version(m))))
                .on(StoresMessages.STORE_REBRANDED, m -> skipped(m, stores.rebranded(m.messageId(),
                        m.data().storeId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_ADDED, m -> skipped(m, products.added(m.messageId(), m.data().productId(),
                        m.data().storeId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_REBRANDED, m -> skipped(m, products.rebranded(m.messageId(),
                        m.data().productId(), m.data().name(), version(m))))
                .on(StoresMessages.PRODUCT_REMOVED, m -> skipped(m, products.removed(m.messageId(),
                        m.data().productId())))
                .on(CosecMessages.CREATE_SHOPPING_LIST, command -> depot.replies().answer(command, () -> decide(
                        () -> {
                            String listId = depot.createShoppingList().create(command.messageId(),
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
            List<mallbots.messages.cosec.CreateShoppingList.Item> items) {
        return items.stream().map(item -> new CreateShoppingList.Wanted(item.productId(), item.storeId(),
                item.quantity())).toList();
    }

    private static long version(Message<?> message) {
        Long version = message.metadata().aggregateVersion();
        if (version == null) {
            throw new IllegalArgumentException(message.detailType() + " " + message.messageId()
                    + " has no metadata.aggregateVersion: the cache cannot tell whether it is newer");
        }
        return version;
    }

    private static void skipped(Message<?> message, boolean applied) {
        if (!applied) {
            log.info("{} {} already applied: skipped", message.detailType(), message.messageId());
        }
    }
}
