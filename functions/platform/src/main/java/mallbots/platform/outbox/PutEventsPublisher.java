package mallbots.platform.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.PublishException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * A minimal PutEvents publisher so that the sweeper function runs on its own.
 * TODO(lead): replace with mallbots.platform.messaging.EventBridgePublisher once it is merged.
 */
final class PutEventsPublisher implements EventPublisher {

    private static final int MAX_ENTRIES = 10;

    private final EventBridgeClient eventBridge;
    private final String busName;

    PutEventsPublisher(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    @Override
    public void publish(List<OutboundEvent> events) {
        List<String> published = new ArrayList<>();
        Map<String, String> failed = new HashMap<>();
        SdkException lastError = null;
        for (int from = 0; from < events.size(); from += MAX_ENTRIES) {
            List<OutboundEvent> batch = events.subList(from, Math.min(events.size(), from + MAX_ENTRIES));
            try {
                PutEventsResponse response = eventBridge.putEvents(r -> r.entries(batch.stream()
                        .map(e -> PutEventsRequestEntry.builder().eventBusName(busName).source(e.source())
                                .detailType(e.detailType()).detail(e.detail()).build())
                        .toList()));
                for (int i = 0; i < batch.size(); i++) {
                    PutEventsResultEntry result = i < response.entries().size() ? response.entries().get(i) : null;
                    if (result != null && result.errorCode() == null && result.eventId() != null) {
                        published.add(batch.get(i).messageId());
                    } else {
                        failed.put(batch.get(i).messageId(), result == null ? "no result entry"
                                : result.errorCode() + ": " + result.errorMessage());
                    }
                }
            } catch (SdkException e) {
                lastError = e;
                batch.forEach(event -> failed.put(event.messageId(), e.toString()));
            }
        }
        if (!failed.isEmpty()) {
            throw new PublishException(failed.size() + " of " + events.size() + " events not accepted by " + busName,
                    published, failed, lastError);
        }
    }
}
