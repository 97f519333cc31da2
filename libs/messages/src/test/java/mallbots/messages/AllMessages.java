package mallbots.messages;

import mallbots.messages.baskets.BasketsMessages;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.customers.CustomersMessages;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.messaging.MessageTypes;

/**
 * Every message type on the bus, for the tests that see all traffic. A function registers
 * only the types it consumes and publishes.
 */
public final class AllMessages {

    public static final MessageTypes ALL = StoresMessages.ALL
            .plus(BasketsMessages.ALL)
            .plus(CustomersMessages.ALL)
            .plus(DepotMessages.ALL)
            .plus(OrderingMessages.ALL)
            .plus(PaymentsMessages.ALL)
            .plus(CosecMessages.ALL);

    private AllMessages() {
    }
}
