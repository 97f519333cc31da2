package mallbots.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.table.ContextTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Publishes what a crash between a write and its publication left in outboxes. It reads the
 * sparse GSI {@code outbox} (every page) for items flagged since before the grace period and
 * publishes their entries older than it; younger entries are left to the function that wrote
 * them, which is probably publishing them right now. A second publication is harmless
 * (consumers deduplicate by message id), a lost one is not.
 */
public final class OutboxSweeper {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSweeper.class);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final OutboxPublisher publisher;
    private final Duration grace;
    private final Clock clock;
    private final int pageSize;

    public OutboxSweeper(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this(dynamo, tableName, publisher, DEFAULT_GRACE, Clock.systemUTC());
    }

    public OutboxSweeper(DynamoDbClient dynamo, String tableName, EventPublisher publisher, Duration grace,
            Clock clock) {
        this(dynamo, tableName, publisher, grace, clock, 100);
    }

    /** {@code pageSize}: items per query page (small in tests, to prove every page is read). */
    OutboxSweeper(DynamoDbClient dynamo, String tableName, EventPublisher publisher, Duration grace, Clock clock,
            int pageSize) {
        this.pageSize = pageSize;
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.publisher = new OutboxPublisher(dynamo, tableName, publisher);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("negative grace period: " + grace);
        }
        this.grace = grace;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one sweep did. */
    public record Sweep(int items, int published, int failed) {

        @Override
        public String toString() {
            return "swept " + items + " items: " + published + " events published, " + failed + " failed";
        }
    }

    public Sweep sweep() {
        Instant cutoff = clock.instant().minus(grace);
        String cutoffText = Outbox.timestamp(cutoff);
        int items = 0;
        int published = 0;
        int failed = 0;
        QueryRequest query = QueryRequest.builder().tableName(tableName)
                .indexName(ContextTable.OUTBOX_INDEX)
                .limit(pageSize)
                .keyConditionExpression("#pending = :pending AND #since <= :cutoff")
                .expressionAttributeNames(Map.of("#pending", Outbox.PENDING, "#since", Outbox.SINCE))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(Outbox.PENDING_VALUE),
                        ":cutoff", AttributeValue.fromS(cutoffText)))
                .build();
        // the SDK's paginator follows LastEvaluatedKey page by page
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            List<OutboundEvent> due = Outbox.entries(item).stream()
                    .filter(entry -> !entry.writtenAt().isAfter(cutoff))
                    .map(OutboxEntry::event)
                    .toList();
            if (due.isEmpty()) {
                continue;
            }
            items++;
            try {
                OutboxPublisher.Result result = publisher.publish(keyOf(item), due);
                published += result.published().size();
                failed += result.failed().size();
            } catch (RuntimeException e) {
                // one item's cleanup failing must not stop the sweep; its entries stay for the next one
                failed += due.size();
                LOG.warn("outbox sweep of {}: item {} failed: {}", tableName,
                        OutboxPublisher.describe(keyOf(item)), e.toString());
            }
        }
        Sweep sweep = new Sweep(items, published, failed);
        if (items > 0) {
            LOG.info("outbox sweep of {}: {}", tableName, sweep);
        }
        return sweep;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(ContextTable.PARTITION_KEY, item.get(ContextTable.PARTITION_KEY));
        AttributeValue sort = item.get(ContextTable.SORT_KEY);
        if (sort != null) {
            key.put(ContextTable.SORT_KEY, sort);
        }
        return key;
    }
}
