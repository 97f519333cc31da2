package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Events a bus accepted that matched no rule (or whose bus does not exist), counted per bus,
 * source and detail-type since the start, with the last one's id and time. AWS drops them too;
 * there the AWS/Events metrics (MatchedEvents against PutEvents' entries) only tell how many,
 * not which. Replayed events are not counted.
 */
public final class UnmatchedEvents implements DeliveryListener {

    /** Counted events of one bus, source and detail-type. */
    public record Count(String busName, String source, String detailType, long count, String lastEventId, Instant lastAt) {
    }

    private final InstantSource clock;
    private final Map<String, Count> counts = new ConcurrentSkipListMap<>();

    UnmatchedEvents(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void onDelivery(Delivery delivery) {
    }

    @Override
    public void onUnmatched(String eventId, String busName, String source, String detailType) {
        Instant now = clock.instant();
        counts.merge(busName + "\u0000" + source + "\u0000" + detailType,
                new Count(busName, source, detailType, 1, eventId, now),
                (old, one) -> new Count(busName, source, detailType, old.count() + 1, eventId, now));
    }

    /** The counts, by bus, source and detail-type. */
    public java.util.List<Count> counts() {
        return java.util.List.copyOf(counts.values());
    }

    /** {@code {"unmatched":[{"busName","source","detailType","count","lastEventId","lastAt"}],"total":N}} */
    ObjectNode view(ObjectMapper json) {
        ObjectNode view = json.createObjectNode();
        ArrayNode list = view.putArray("unmatched");
        long total = 0;
        for (Count count : counts.values()) {
            list.addObject().put("busName", count.busName()).put("source", count.source())
                    .put("detailType", count.detailType()).put("count", count.count())
                    .put("lastEventId", count.lastEventId()).put("lastAt", count.lastAt().toString());
            total += count.count();
        }
        view.put("total", total);
        return view;
    }
}
