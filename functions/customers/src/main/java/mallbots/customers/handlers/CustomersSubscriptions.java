package mallbots.customers.handlers;

import java.util.Objects;
import mallbots.customers.CustomersModule;
import mallbots.customers.adapters.CustomersReplies;
import mallbots.messages.cosec.CosecMessages;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.saga.CommandReplies;

/**
 * Every message customers consumes: the saga's AuthorizeCustomer, answered once per command
 * through {@link CommandReplies} (a redelivered command gets the same reply). The template's
 * rules route exactly this type to CustomersQueue.
 */
public final class CustomersSubscriptions {

    private CustomersSubscriptions() {
    }

    public static MessageHandlers of(CustomersModule customers) {
        Objects.requireNonNull(customers, "customers");
        return MessageHandlers.builder()
                .on(CosecMessages.AUTHORIZE_CUSTOMER, command -> customers.replies().answer(command, () ->
                        CustomersReplies.of(command, customers.authorize().authorize(command.data().customerId()))))
                .build();
    }
}
