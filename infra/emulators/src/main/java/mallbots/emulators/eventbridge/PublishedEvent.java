package mallbots.emulators.eventbridge;

import java.time.Instant;

/** An event the bus accepted, as its targets receive it ({@code json}). */
record PublishedEvent(String id, String busName, String source, String detailType, String json, Instant acceptedAt) {
}
