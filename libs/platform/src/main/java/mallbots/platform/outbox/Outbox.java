package mallbots.platform.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.table.ContextTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an outbox lives in an item: {@code outbox} is a map messageId → {source, detailType,
 * detail, writtenAt, sequence}; while it holds entries, {@code outboxPending} = "1" and
 * {@code outboxSince} (the oldest entry's time) put the item in the sparse GSI {@code outbox}.
 * An item written with an outbox always has the map, empty once everything is published, so
 * that later writes can add entries with {@code SET outbox.#id = :entry}.
 */
public final class Outbox {

    public static final String ATTRIBUTE = "outbox";
    public static final String PENDING = ContextTable.OUTBOX_PENDING;
    public static final String SINCE = ContextTable.OUTBOX_SINCE;
    public static final String PENDING_VALUE = "1";

    // Fixed width (always milliseconds) so that the GSI's string order is time order.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Comparator<OutboxEntry> WRITE_ORDER = Comparator.comparing(OutboxEntry::writtenAt)
            .thenComparingInt(OutboxEntry::sequence).thenComparing(OutboxEntry::messageId);

    private Outbox() {
    }

    /** An instant as {@code outboxSince} stores it: UTC, always with milliseconds. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The outbox attributes of an item written now: the map (possibly empty) and, if any, the GSI flag. */
    public static Map<String, AttributeValue> newItemAttributes(List<OutboundEvent> events, Instant now) {
        requireUniqueIds(events);
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            entries.put(events.get(i).messageId(), entry(events.get(i), now, i));
        }
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(ATTRIBUTE, AttributeValue.fromM(entries));
        if (!events.isEmpty()) {
            attributes.put(PENDING, AttributeValue.fromS(PENDING_VALUE));
            attributes.put(SINCE, AttributeValue.fromS(timestamp(now)));
        }
        return attributes;
    }

    /** One entry of the map. */
    public static AttributeValue entry(OutboundEvent event, Instant writtenAt, int sequence) {
        return AttributeValue.fromM(Map.of(
                "source", AttributeValue.fromS(event.source()),
                "detailType", AttributeValue.fromS(event.detailType()),
                "detail", AttributeValue.fromS(event.detail()),
                "writtenAt", AttributeValue.fromS(timestamp(writtenAt)),
                "sequence", AttributeValue.fromN(Integer.toString(sequence))));
    }

    /** The item's unpublished entries in the order they were written. */
    public static List<OutboxEntry> entries(Map<String, AttributeValue> item) {
        AttributeValue outbox = item.get(ATTRIBUTE);
        if (outbox == null || !outbox.hasM()) {
            return List.of();
        }
        List<OutboxEntry> entries = new ArrayList<>();
        outbox.m().forEach((messageId, value) -> entries.add(decode(messageId, value.m())));
        entries.sort(WRITE_ORDER);
        return List.copyOf(entries);
    }

    /** Whether the item has the outbox map (written by this code), so entries can be added by path. */
    public static boolean hasMap(Map<String, AttributeValue> item) {
        AttributeValue outbox = item.get(ATTRIBUTE);
        return outbox != null && outbox.hasM();
    }

    static void requireUniqueIds(List<OutboundEvent> events) {
        Set<String> ids = new HashSet<>();
        for (OutboundEvent event : events) {
            if (!ids.add(event.messageId())) {
                throw new IllegalArgumentException("two outbox entries with message id " + event.messageId());
            }
        }
    }

    private static OutboxEntry decode(String messageId, Map<String, AttributeValue> entry) {
        OutboundEvent event = new OutboundEvent(messageId, text(entry, "source", messageId),
                text(entry, "detailType", messageId), text(entry, "detail", messageId));
        AttributeValue sequence = entry.get("sequence");
        return new OutboxEntry(event, Instant.parse(text(entry, "writtenAt", messageId)),
                sequence == null ? 0 : Integer.parseInt(sequence.n()));
    }

    private static String text(Map<String, AttributeValue> entry, String name, String messageId) {
        AttributeValue value = entry.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("outbox entry " + messageId + " has no " + name);
        }
        return value.s();
    }
}
