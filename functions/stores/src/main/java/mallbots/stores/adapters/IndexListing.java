package mallbots.stores.adapters;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The read-model states under one hash key of a listing GSI, in the index's range order (the
 * name), every page of them. A GSI is eventually consistent: a change shows up in a listing a
 * moment after the command that made it answered.
 */
final class IndexListing<T> {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final StateStore<T> items;

    IndexListing(DynamoDbClient dynamo, String tableName, StateStore<T> items) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.items = Objects.requireNonNull(items, "items");
    }

    List<T> list(String indexName, String hashKey, String value) {
        QueryRequest query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(indexName)
                .keyConditionExpression("#hash = :value")
                .expressionAttributeNames(Map.of("#hash", hashKey))
                .expressionAttributeValues(Map.of(":value", AttributeValue.fromS(value)))
                .build();
        return dynamo.queryPaginator(query).items().stream().map(item -> items.decode(item).state()).toList();
    }
}
