package mallbots.platform.cache;

import java.util.Objects;
import java.util.function.Function;
import mallbots.platform.consumer.MessageHandler;
import mallbots.platform.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers that feed an {@link EntityCache} from another context's events: a context maps
 * each event it subscribes to onto its record, e.g.
 * <pre>{@code
 * .on(StoresMessages.PRODUCT_REBRANDED, CacheFeed.merge(products, ProductRebranded::productId,
 *         (product, event, version) -> product.rebranded(event.name(), version)))
 * .on(StoresMessages.PRODUCT_REMOVED, CacheFeed.remove(products, ProductRemoved::productId))
 * }</pre>
 * The version is the event's {@code metadata.aggregateVersion}; an event without one cannot be
 * placed among the others and fails its record. An event that changes nothing is logged and
 * acknowledged.
 */
public final class CacheFeed {

    private static final Logger log = LoggerFactory.getLogger(CacheFeed.class);

    private CacheFeed() {
    }

    /** What one event sets in an entry: the entry after it, from the entry before. */
    @FunctionalInterface
    public interface Merge<E, T> {
        E apply(E entry, T event, long version);
    }

    /** Merges each event into the entry of the entity {@code id} names. */
    public static <E, T> MessageHandler<T> merge(EntityCache<E> cache, Function<T, String> id, Merge<E, T> merge) {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merge, "merge");
        return message -> {
            long version = aggregateVersion(message);
            T event = message.data();
            skippedIfUnchanged(message, cache.merge(id.apply(event), entry -> merge.apply(entry, event, version)));
        };
    }

    /** Each event removes the entity {@code id} names (a tombstone). */
    public static <E, T> MessageHandler<T> remove(EntityCache<E> cache, Function<T, String> id) {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(id, "id");
        return message -> skippedIfUnchanged(message, cache.remove(id.apply(message.data()), aggregateVersion(message)));
    }

    /** The event's aggregate version, which orders it among the aggregate's other events. */
    public static long aggregateVersion(Message<?> message) {
        Long version = message.metadata().aggregateVersion();
        if (version == null) {
            throw new IllegalArgumentException(message.detailType() + " " + message.messageId()
                    + " has no metadata.aggregateVersion: cannot tell whether it is newer than what is stored");
        }
        return version;
    }

    private static void skippedIfUnchanged(Message<?> message, boolean changed) {
        if (!changed) {
            log.info("{} {} changed nothing (a duplicate, older than the cache or of a removed entity): skipped",
                    message.detailType(), message.messageId());
        }
    }
}
