package mallbots.platform.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.PublishException;

/**
 * A test publisher that keeps what it was given. It can refuse everything, refuse chosen
 * message ids (a partial PutEvents failure), or "crash" (an Error, as if the process died
 * between the write and the publication).
 */
public final class RecordingPublisher implements EventPublisher {

    /** Thrown to play a process that dies: nothing after the write runs. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash() {
            super("simulated crash before publishing");
        }
    }

    private enum Mode { ACCEPT, REFUSE, CRASH }

    private final List<OutboundEvent> published = new ArrayList<>();
    private final Set<String> refusedIds = new HashSet<>();
    private Mode mode = Mode.ACCEPT;
    private int calls;

    public static RecordingPublisher accepting() {
        return new RecordingPublisher();
    }

    public static RecordingPublisher refusing() {
        RecordingPublisher publisher = new RecordingPublisher();
        publisher.mode = Mode.REFUSE;
        return publisher;
    }

    public static RecordingPublisher crashing() {
        RecordingPublisher publisher = new RecordingPublisher();
        publisher.mode = Mode.CRASH;
        return publisher;
    }

    public synchronized RecordingPublisher refusingIds(String... messageIds) {
        refusedIds.addAll(List.of(messageIds));
        return this;
    }

    @Override
    public synchronized void publish(List<OutboundEvent> events) {
        calls++;
        switch (mode) {
            case CRASH -> throw new SimulatedCrash();
            case REFUSE -> throw new PublishException("bus unavailable", List.of(),
                    failures(events.stream().map(OutboundEvent::messageId).toList()), null);
            case ACCEPT -> {
                List<String> accepted = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                for (OutboundEvent event : events) {
                    if (refusedIds.contains(event.messageId())) {
                        refused.add(event.messageId());
                    } else {
                        published.add(event);
                        accepted.add(event.messageId());
                    }
                }
                if (!refused.isEmpty()) {
                    throw new PublishException("some entries failed", accepted, failures(refused), null);
                }
            }
        }
    }

    public synchronized List<OutboundEvent> published() {
        return List.copyOf(published);
    }

    public synchronized List<String> publishedIds() {
        return published.stream().map(OutboundEvent::messageId).toList();
    }

    public synchronized int calls() {
        return calls;
    }

    private static Map<String, String> failures(List<String> ids) {
        Map<String, String> failed = new HashMap<>();
        ids.forEach(id -> failed.put(id, "InternalFailure: refused by the test"));
        return failed;
    }
}
