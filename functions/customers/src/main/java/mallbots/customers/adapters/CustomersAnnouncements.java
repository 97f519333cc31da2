package mallbots.customers.adapters;

import mallbots.customers.domain.CustomerEvent;
import mallbots.messages.customers.CustomerDisabled;
import mallbots.messages.customers.CustomerEnabled;
import mallbots.messages.customers.CustomerRegistered;
import mallbots.messages.customers.CustomerSmsChanged;
import mallbots.messages.customers.CustomersMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;

/**
 * Turns what happened to a customer into the integration event on the bus, stamped with the
 * customer's id and the version of its item after the change. Each starts a flow of its own
 * (the HTTP request that caused it carries no message).
 */
final class CustomersAnnouncements {

    private static final MessageCodec CODEC = new MessageCodec(CustomersMessages.ALL);

    private CustomersAnnouncements() {
    }

    static OutboundEvent of(CustomerEvent event, long itemVersion) {
        Metadata metadata = Metadata.first().withAggregate(event.customerId(), itemVersion);
        Message<?> message = switch (event) {
            case CustomerEvent.CustomerRegistered registered -> new Message<>(CustomersMessages.CUSTOMER_REGISTERED,
                    metadata, new CustomerRegistered(registered.customerId(), registered.name(),
                            registered.smsNumber().value()));
            case CustomerEvent.CustomerSmsChanged changed -> new Message<>(CustomersMessages.CUSTOMER_SMS_CHANGED,
                    metadata, new CustomerSmsChanged(changed.customerId(), changed.smsNumber().value()));
            case CustomerEvent.CustomerEnabled enabled -> new Message<>(CustomersMessages.CUSTOMER_ENABLED,
                    metadata, new CustomerEnabled(enabled.customerId()));
            case CustomerEvent.CustomerDisabled disabled -> new Message<>(CustomersMessages.CUSTOMER_DISABLED,
                    metadata, new CustomerDisabled(disabled.customerId()));
        };
        return OutboundEvent.of(message, CODEC);
    }
}
