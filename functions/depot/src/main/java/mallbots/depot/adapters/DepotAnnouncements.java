package mallbots.depot.adapters;

import java.util.Optional;
import mallbots.depot.domain.ShoppingList;
import mallbots.depot.domain.ShoppingListStatus;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.ShoppingListCanceled;
import mallbots.messages.depot.ShoppingListCompleted;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;

/**
 * What depot tells the other contexts about a change of a shopping list: ShoppingListCompleted
 * and ShoppingListCanceled; its other steps stay inside depot. Each carries the list's id and
 * the version of its item after the change. An event caused by a message continues that flow
 * (but is no saga reply: it carries no saga fields); one caused by a request starts a flow.
 */
final class DepotAnnouncements {

    private static final MessageCodec CODEC = new MessageCodec(DepotMessages.ALL);

    private DepotAnnouncements() {
    }

    static Optional<OutboundEvent> of(ShoppingList before, ShoppingList after, Cause cause, long itemVersion) {
        if (before.status() == after.status()) {
            return Optional.empty();
        }
        // a follow-up of a saga command is no reply to it: the saga fields are dropped
        Metadata metadata = cause.followUp().withSaga(null, null, null).withAggregate(after.id(), itemVersion);
        Message<?> message;
        if (after.status() == ShoppingListStatus.COMPLETED) {
            message = new Message<>(DepotMessages.SHOPPING_LIST_COMPLETED, metadata,
                    new ShoppingListCompleted(after.id(), after.orderId()));
        } else if (after.status() == ShoppingListStatus.CANCELED) {
            message = new Message<>(DepotMessages.SHOPPING_LIST_CANCELED, metadata,
                    new ShoppingListCanceled(after.id(), after.orderId()));
        } else {
            return Optional.empty();
        }
        return Optional.of(OutboundEvent.of(message, CODEC));
    }
}
