package mallbots.platform.saga;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mallbots.platform.table.ContextTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Finds the sagas whose deadline has passed and lets the orchestrator act on each
 * ({@link SagaOrchestrator#onDeadline}). It queries the sparse GSI {@value SagaDeadlines#INDEX}
 * (only running sagas are in it, ordered by deadline) for deadlines up to now, every page, so a
 * run reads the overdue sagas only, not the table. One saga failing does not stop the sweep; it
 * is still overdue at the next one.
 */
public final class SagaDeadlineSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(SagaDeadlineSweeper.class);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final SagaOrchestrator<?> sagas;
    private final int pageSize;

    public SagaDeadlineSweeper(DynamoDbClient dynamo, String tableName, SagaOrchestrator<?> sagas) {
        this(dynamo, tableName, sagas, 100);
    }

    /** {@code pageSize}: items per query page (small in tests, to prove every page is read). */
    SagaDeadlineSweeper(DynamoDbClient dynamo, String tableName, SagaOrchestrator<?> sagas, int pageSize) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.sagas = Objects.requireNonNull(sagas, "sagas");
        this.pageSize = pageSize;
    }

    /** What one sweep did: overdue sagas found, of which resent, timed out, failed. */
    public record Sweep(int overdue, int resent, int timedOut, int failed) {

        @Override
        public String toString() {
            return overdue + " sagas overdue: " + resent + " resent, " + timedOut + " timed out, " + failed
                    + " failed";
        }
    }

    public Sweep sweep() {
        String now = SagaDeadlines.timestamp(sagas.deadlines().clock().instant());
        int overdue = 0;
        int resent = 0;
        int timedOut = 0;
        int failed = 0;
        QueryRequest query = QueryRequest.builder().tableName(tableName)
                .indexName(SagaDeadlines.INDEX)
                .limit(pageSize)
                .keyConditionExpression("#due = :due AND #at <= :now")
                .expressionAttributeNames(Map.of("#due", SagaDeadlines.DUE, "#at", SagaDeadlines.AT))
                .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(SagaDeadlines.DUE_VALUE),
                        ":now", AttributeValue.fromS(now)))
                .build();
        // the SDK's paginator follows LastEvaluatedKey page by page
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            String key = item.get(ContextTable.PARTITION_KEY).s();
            if (!key.startsWith(SagaOrchestrator.KEY_PREFIX)) {
                continue;
            }
            overdue++;
            String sagaId = key.substring(SagaOrchestrator.KEY_PREFIX.length());
            try {
                Optional<SagaResult> result = sagas.onDeadline(sagaId);
                if (result.isPresent() && result.get().status() == SagaResult.Status.RESENT) {
                    resent++;
                } else if (result.isPresent()) {
                    timedOut++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("saga deadline sweep of {}: saga {} failed: {}", tableName, sagaId, e.toString());
            }
        }
        Sweep sweep = new Sweep(overdue, resent, timedOut, failed);
        if (overdue > 0) {
            LOG.info("saga deadline sweep of {}: {}", tableName, sweep);
        }
        return sweep;
    }
}
