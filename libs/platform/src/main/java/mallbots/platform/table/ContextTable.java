package mallbots.platform.table;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The shape of a context's table, shared by the event store, the state store and the outbox:
 * key {@code pk} (S) and, for a table that holds event-sourced aggregates, {@code sk} (N); the
 * sparse GSI {@code outbox} (hash {@code outboxPending} S, range {@code outboxSince} S, all
 * attributes projected) that the outbox sweeper queries; and the context's own GSIs, if any
 * (e.g. the listings of a read model). The SAM template declares the same.
 * {@link #create} is for tests and the local cloud.
 */
public final class ContextTable {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String OUTBOX_INDEX = "outbox";
    public static final String OUTBOX_PENDING = "outboxPending";
    public static final String OUTBOX_SINCE = "outboxSince";

    /** Which key a table has. */
    public enum Keys {
        /** {@code pk} only: a table of state items. */
        PARTITION,
        /** {@code pk} and {@code sk} (N): event-sourced aggregates, and state items at a fixed {@code sk}. */
        PARTITION_AND_SORT
    }

    /**
     * A context's own GSI: string key attributes (a range key is optional) and all attributes
     * projected, like the outbox index. Its attributes may be absent from an item (a sparse index).
     */
    public record Index(String name, String hashKey, String rangeKey) {

        public Index {
            if (name == null || name.isBlank() || hashKey == null || hashKey.isBlank()) {
                throw new IllegalArgumentException("an index needs a name and a hash key");
            }
            if (name.equals(OUTBOX_INDEX)) {
                throw new IllegalArgumentException("the outbox index is every table's already");
            }
            if (rangeKey != null && rangeKey.isBlank()) {
                throw new IllegalArgumentException("a blank range key: leave it null for none");
            }
        }
    }

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private ContextTable() {
    }

    /** Creates the table (on-demand billing) and waits until it and its index are active. */
    public static void create(DynamoDbClient dynamo, String tableName, Keys keys) {
        create(dynamo, tableName, keys, List.of());
    }

    /** Creates the table with the context's own GSIs besides the outbox's, and waits until all are active. */
    public static void create(DynamoDbClient dynamo, String tableName, Keys keys, List<Index> indexes) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        attributes.put(PARTITION_KEY, attribute(PARTITION_KEY, ScalarAttributeType.S));
        attributes.put(OUTBOX_PENDING, attribute(OUTBOX_PENDING, ScalarAttributeType.S));
        attributes.put(OUTBOX_SINCE, attribute(OUTBOX_SINCE, ScalarAttributeType.S));
        List<KeySchemaElement> key = new ArrayList<>(List.of(key(PARTITION_KEY, KeyType.HASH)));
        if (keys == Keys.PARTITION_AND_SORT) {
            attributes.put(SORT_KEY, attribute(SORT_KEY, ScalarAttributeType.N));
            key.add(key(SORT_KEY, KeyType.RANGE));
        }
        List<GlobalSecondaryIndex> all = new ArrayList<>(List.of(
                index(OUTBOX_INDEX, OUTBOX_PENDING, OUTBOX_SINCE)));
        for (Index index : indexes) {
            attributes.putIfAbsent(index.hashKey(), attribute(index.hashKey(), ScalarAttributeType.S));
            if (index.rangeKey() != null) {
                attributes.putIfAbsent(index.rangeKey(), attribute(index.rangeKey(), ScalarAttributeType.S));
            }
            all.add(index(index.name(), index.hashKey(), index.rangeKey()));
        }
        dynamo.createTable(CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.values())
                .keySchema(key)
                .globalSecondaryIndexes(all)
                .build());
        awaitActive(dynamo, tableName);
    }

    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
        List<KeySchemaElement> key = new ArrayList<>(List.of(key(hashKey, KeyType.HASH)));
        if (rangeKey != null) {
            key.add(key(rangeKey, KeyType.RANGE));
        }
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key)
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static void awaitActive(DynamoDbClient dynamo, String tableName) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (true) {
            TableDescription table = dynamo.describeTable(r -> r.tableName(tableName)).table();
            boolean indexesActive = !table.hasGlobalSecondaryIndexes() || table.globalSecondaryIndexes().stream()
                    .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
            if (table.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + tableName + " is not active after " + ACTIVE_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
