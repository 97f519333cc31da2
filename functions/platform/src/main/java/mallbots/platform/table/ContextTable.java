package mallbots.platform.table;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * attributes projected) that the outbox sweeper queries. The SAM template declares the same.
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

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private ContextTable() {
    }

    /** Creates the table (on-demand billing) and waits until it and its index are active. */
    public static void create(DynamoDbClient dynamo, String tableName, Keys keys) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(
                attribute(PARTITION_KEY, ScalarAttributeType.S),
                attribute(OUTBOX_PENDING, ScalarAttributeType.S),
                attribute(OUTBOX_SINCE, ScalarAttributeType.S)));
        List<KeySchemaElement> key = new ArrayList<>(List.of(key(PARTITION_KEY, KeyType.HASH)));
        if (keys == Keys.PARTITION_AND_SORT) {
            attributes.add(attribute(SORT_KEY, ScalarAttributeType.N));
            key.add(key(SORT_KEY, KeyType.RANGE));
        }
        dynamo.createTable(CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(OUTBOX_INDEX)
                        .keySchema(key(OUTBOX_PENDING, KeyType.HASH), key(OUTBOX_SINCE, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build());
        awaitActive(dynamo, tableName);
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
