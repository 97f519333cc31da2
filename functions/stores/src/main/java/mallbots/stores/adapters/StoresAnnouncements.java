package mallbots.stores.adapters;

import java.util.List;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoreParticipationToggled;
import mallbots.messages.stores.StoreRebranded;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.stores.domain.Store;
import mallbots.stores.domain.StoreEvent;

/**
 * A store's new events as the integration events of the published language, for the outbox:
 * one message per event, started by the HTTP request (its own correlation), carrying the store's
 * id and the version the event brought it to.
 */
final class StoreMessages {

    private static final MessageCodec CODEC = new MessageCodec(StoresMessages.ALL);

    private StoreMessages() {
    }

    static List<OutboundEvent> of(Store store) {
        return store.uncommittedEvents().stream().map(event -> announce(store.id(), event)).toList();
    }

    private static OutboundEvent announce(String storeId, VersionedEvent<StoreEvent> versioned) {
        Message<?> message = switch (versioned.event()) {
            case StoreEvent.StoreCreated created -> StoresMessages.STORE_CREATED.create(
                    new StoreCreated(storeId, created.name(), created.location()));
            case StoreEvent.StoreParticipationToggled toggled -> StoresMessages.STORE_PARTICIPATION_TOGGLED.create(
                    new StoreParticipationToggled(storeId, toggled.participating()));
            case StoreEvent.StoreRebranded rebranded -> StoresMessages.STORE_REBRANDED.create(
                    new StoreRebranded(storeId, rebranded.name()));
        };
        return OutboundEvent.of(message.withMetadata(metadata -> metadata.withAggregate(storeId, versioned.version())),
                CODEC);
    }
}
