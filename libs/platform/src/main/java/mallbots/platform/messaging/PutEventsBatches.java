package mallbots.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The limits of one PutEvents request, and the split of entries into requests that respect them.
 *
 * <p>Size rule, from the EventBridge User Guide, "Calculating Amazon EventBridge PutEvents event
 * entry size" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html):
 * an entry counts 14 bytes for Time if set, plus the UTF-8 bytes of Source, DetailType, Detail
 * and of each Resources element; EventBusName and TraceHeader do not count. The total of the
 * entries of one request must stay within 256 KB, and a request holds at most 10 entries
 * (EventBridge API Reference, PutEvents: Entries, 1 to 10 items).
 */
public final class PutEventsBatches {

    public static final int MAX_ENTRIES = 10;
    public static final int MAX_BYTES = 256 * 1024;

    private static final int TIME_BYTES = 14;

    private PutEventsBatches() {
    }

    /** The size EventBridge counts for an entry. */
    public static int entrySize(PutEventsRequestEntry entry) {
        int size = entry.time() != null ? TIME_BYTES : 0;
        size += utf8(entry.source());
        size += utf8(entry.detailType());
        size += utf8(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    /**
     * Splits items, in order, into batches of at most {@link #MAX_ENTRIES} items and
     * {@link #MAX_BYTES} bytes. Every item must fit alone: the caller refuses larger ones first.
     */
    public static <T> List<List<T>> split(List<T> items, ToIntFunction<T> size) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int bytes = 0;
        for (T item : items) {
            int itemSize = size.applyAsInt(item);
            if (itemSize > MAX_BYTES) {
                throw new IllegalArgumentException("an entry of " + itemSize + " bytes exceeds " + MAX_BYTES);
            }
            if (current.size() == MAX_ENTRIES || bytes + itemSize > MAX_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += itemSize;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
