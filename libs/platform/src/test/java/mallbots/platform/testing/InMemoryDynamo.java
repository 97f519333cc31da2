package mallbots.platform.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * DynamoDB in the test's own memory: the part of the API that the kernel's stores and the
 * contexts' adapters call (tables with a GSI or more, conditional put/update/delete, query of the
 * table or a sparse GSI with key conditions, order, limit and paging, scan, batch get,
 * projections), with DynamoDB's answers: {@code ConditionalCheckFailedException} for a failed
 * condition, {@code ResourceNotFoundException} for a missing table, a validation error for what
 * DynamoDB refuses. Tables are active at once.
 *
 * <p>{@code StoresContract} runs the same assertions on this and on dynalite: what passes there
 * behaves alike. Anything outside that part (a filter expression, transactions, streams, an
 * expression word it does not know) is refused with a validation error naming it, never
 * approximated, so a test cannot pass here on a call that dynalite would answer differently.
 *
 * <p>One lock per table makes each write atomic, as DynamoDB's conditional writes are; reads
 * are consistent.
 */
public final class InMemoryDynamo implements DynamoDbClient {

    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    // ---------------------------------------------------------------- tables

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        Table table = new Table(request);
        if (tables.putIfAbsent(request.tableName(), table) != null) {
            throw ResourceInUseException.builder().message("Table already exists: " + request.tableName())
                    .awsErrorDetails(error("ResourceInUseException", "Table already exists: " + request.tableName()))
                    .statusCode(400).build();
        }
        return CreateTableResponse.builder().tableDescription(table.description()).build();
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return DescribeTableResponse.builder().table(table(request.tableName()).description()).build();
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        Table table = table(request.tableName());
        tables.remove(request.tableName());
        return DeleteTableResponse.builder().tableDescription(table.description()).build();
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return ListTablesResponse.builder().tableNames(tables.keySet().stream().sorted().toList()).build();
    }

    private Table table(String name) {
        Table table = name == null ? null : tables.get(name);
        if (table == null) {
            String message = "Requested resource not found: Table: " + name + " not found";
            throw ResourceNotFoundException.builder().message(message)
                    .awsErrorDetails(error("ResourceNotFoundException", message)).statusCode(400).build();
        }
        return table;
    }

    // ---------------------------------------------------------------- items

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        Table table = table(request.tableName());
        refuseLegacy(request.attributesToGet().isEmpty(), "AttributesToGet");
        DynamoExpressions.Placeholders placeholders = placeholders(request.expressionAttributeNames(), null);
        List<DynamoExpressions.Path> projection = DynamoExpressions.projection(request.projectionExpression(),
                placeholders);
        placeholders.checkAllUsed();
        Map<String, AttributeValue> item = table.get(request.key());
        GetItemResponse.Builder response = GetItemResponse.builder();
        if (item != null) {
            response.item(DynamoExpressions.project(item, projection));
        }
        return response.build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        Table table = table(request.tableName());
        refuseLegacy(request.expected().isEmpty() && request.conditionalOperator() == null, "Expected");
        DynamoExpressions.Placeholders placeholders = placeholders(request.expressionAttributeNames(),
                request.expressionAttributeValues());
        Predicate<Map<String, AttributeValue>> condition = condition(request.conditionExpression(), placeholders);
        placeholders.checkAllUsed();
        Map<String, AttributeValue> old = table.put(request.item(), condition);
        PutItemResponse.Builder response = PutItemResponse.builder();
        if (request.returnValues() == ReturnValue.ALL_OLD && old != null) {
            response.attributes(old);
        } else if (request.returnValues() != null && request.returnValues() != ReturnValue.NONE
                && request.returnValues() != ReturnValue.ALL_OLD) {
            throw validation("ReturnValues " + request.returnValues() + " is not supported in PutItem");
        }
        return response.build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        Table table = table(request.tableName());
        refuseLegacy(request.attributeUpdates().isEmpty() && request.expected().isEmpty(), "AttributeUpdates/Expected");
        if (request.updateExpression() == null) {
            throw validation("an UpdateItem without an UpdateExpression is not supported here");
        }
        DynamoExpressions.Placeholders placeholders = placeholders(request.expressionAttributeNames(),
                request.expressionAttributeValues());
        DynamoExpressions.Update update = DynamoExpressions.update(request.updateExpression(), placeholders);
        Predicate<Map<String, AttributeValue>> condition = condition(request.conditionExpression(), placeholders);
        placeholders.checkAllUsed();
        Map<String, AttributeValue>[] oldAndNew = table.update(request.key(), condition, update);
        UpdateItemResponse.Builder response = UpdateItemResponse.builder();
        ReturnValue returns = request.returnValues() == null ? ReturnValue.NONE : request.returnValues();
        switch (returns) {
            case NONE -> { }
            case ALL_NEW -> response.attributes(oldAndNew[1]);
            case ALL_OLD -> {
                if (oldAndNew[0] != null) {
                    response.attributes(oldAndNew[0]);
                }
            }
            default -> throw validation("ReturnValues " + returns + " is not supported here");
        }
        return response.build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        Table table = table(request.tableName());
        refuseLegacy(request.expected().isEmpty(), "Expected");
        DynamoExpressions.Placeholders placeholders = placeholders(request.expressionAttributeNames(),
                request.expressionAttributeValues());
        Predicate<Map<String, AttributeValue>> condition = condition(request.conditionExpression(), placeholders);
        placeholders.checkAllUsed();
        Map<String, AttributeValue> old = table.delete(request.key(), condition);
        DeleteItemResponse.Builder response = DeleteItemResponse.builder();
        if (request.returnValues() == ReturnValue.ALL_OLD && old != null) {
            response.attributes(old);
        }
        return response.build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        int keys = request.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
        if (keys > 100) {
            throw validation("Too many items requested for the BatchGetItem call");
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        request.requestItems().forEach((tableName, asked) -> {
            Table table = table(tableName);
            DynamoExpressions.Placeholders placeholders = placeholders(asked.expressionAttributeNames(), null);
            List<DynamoExpressions.Path> projection = DynamoExpressions.projection(projection(asked), placeholders);
            placeholders.checkAllUsed();
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> key : asked.keys()) {
                Map<String, AttributeValue> item = table.get(key);
                if (item != null) {
                    found.add(DynamoExpressions.project(item, projection));
                }
            }
            responses.put(tableName, found);
        });
        return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(Map.of()).build();
    }

    private static String projection(KeysAndAttributes asked) {
        if (!asked.attributesToGet().isEmpty()) {
            throw validation("AttributesToGet is not supported here: use a ProjectionExpression");
        }
        return asked.projectionExpression();
    }

    // ---------------------------------------------------------------- reads of many items

    @Override
    public QueryResponse query(QueryRequest request) {
        Table table = table(request.tableName());
        refuseLegacy(request.keyConditions().isEmpty() && request.queryFilter().isEmpty(), "KeyConditions/QueryFilter");
        if (request.filterExpression() != null) {
            throw validation("a FilterExpression is not supported here: " + request.filterExpression());
        }
        if (request.keyConditionExpression() == null) {
            throw validation("Either the KeyConditions or KeyConditionExpression parameter must be specified");
        }
        Index index = table.index(request.indexName());
        if (index.global() && Boolean.TRUE.equals(request.consistentRead())) {
            throw validation("Consistent reads are not supported on global secondary indexes");
        }
        DynamoExpressions.Placeholders placeholders = placeholders(request.expressionAttributeNames(),
                request.expressionAttributeValues());
        Predicate<Map<String, AttributeValue>> keyCondition = DynamoExpressions.keyCondition(
                request.keyConditionExpression(), placeholders, index);
        List<DynamoExpressions.Path> projection = DynamoExpressions.projection(request.projectionExpression(),
                placeholders);
        placeholders.checkAllUsed();
        boolean forward = !Boolean.FALSE.equals(request.scanIndexForward());
        Page page = table.read(index, keyCondition, forward, request.exclusiveStartKey(), request.limit());
        return QueryResponse.builder()
                .items(page.items().stream().map(item -> DynamoExpressions.project(item, projection)).toList())
                .count(page.items().size()).scannedCount(page.items().size())
                .lastEvaluatedKey(page.lastEvaluatedKey()).build();
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        Table table = table(request.tableName());
        refuseLegacy(request.scanFilter().isEmpty() && request.attributesToGet().isEmpty(), "ScanFilter/AttributesToGet");
        if (request.filterExpression() != null) {
            throw validation("a FilterExpression is not supported here: " + request.filterExpression());
        }
        if (request.segment() != null || request.totalSegments() != null) {
            throw validation("a parallel scan is not supported here");
        }
        DynamoExpressions.Placeholders placeholders = placeholders(request.expressionAttributeNames(),
                request.expressionAttributeValues());
        List<DynamoExpressions.Path> projection = DynamoExpressions.projection(request.projectionExpression(),
                placeholders);
        placeholders.checkAllUsed();
        Page page = table.read(table.index(request.indexName()), item -> true, true, request.exclusiveStartKey(),
                request.limit());
        return ScanResponse.builder()
                .items(page.items().stream().map(item -> DynamoExpressions.project(item, projection)).toList())
                .count(page.items().size()).scannedCount(page.items().size())
                .lastEvaluatedKey(page.lastEvaluatedKey()).build();
    }

    // ---------------------------------------------------------------- errors

    private static Predicate<Map<String, AttributeValue>> condition(String expression,
            DynamoExpressions.Placeholders placeholders) {
        return expression == null ? item -> true : DynamoExpressions.condition(expression, placeholders);
    }

    private static DynamoExpressions.Placeholders placeholders(Map<String, String> names,
            Map<String, AttributeValue> values) {
        return new DynamoExpressions.Placeholders(names, values);
    }

    private static void refuseLegacy(boolean none, String parameters) {
        if (!none) {
            throw validation("the legacy parameters " + parameters + " are not supported here: use expressions");
        }
    }

    static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder().message(message)
                .awsErrorDetails(error("ValidationException", message)).statusCode(400).build();
    }

    static ConditionalCheckFailedException conditionFailed() {
        return ConditionalCheckFailedException.builder().message("The conditional request failed")
                .awsErrorDetails(error("ConditionalCheckFailedException", "The conditional request failed"))
                .statusCode(400).build();
    }

    private static AwsErrorDetails error(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(SERVICE_NAME).build();
    }

    // ---------------------------------------------------------------- the table

    /** The key of the table or of a GSI (range null when it has none); a GSI holds only items with its keys. */
    record Index(String name, String hash, String range, boolean global) {

        boolean holds(Map<String, AttributeValue> item) {
            return item.containsKey(hash) && (range == null || item.containsKey(range));
        }
    }

    record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey) {
    }

    private static final class Table {

        private final CreateTableRequest definition;
        private final Index primary;
        private final Map<String, Index> indexes = new LinkedHashMap<>();
        private final Map<String, ScalarAttributeType> types = new HashMap<>();
        private final Map<List<AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();

        Table(CreateTableRequest request) {
            this.definition = request;
            for (AttributeDefinition attribute : request.attributeDefinitions()) {
                types.put(attribute.attributeName(), attribute.attributeType());
            }
            this.primary = index(null, request.keySchema(), false);
            for (GlobalSecondaryIndex gsi : request.globalSecondaryIndexes()) {
                indexes.put(gsi.indexName(), index(gsi.indexName(), gsi.keySchema(), true));
            }
            if (!request.localSecondaryIndexes().isEmpty()) {
                throw validation("local secondary indexes are not supported here");
            }
        }

        private Index index(String name, List<KeySchemaElement> schema, boolean global) {
            String hash = null;
            String range = null;
            for (KeySchemaElement element : schema) {
                if (!types.containsKey(element.attributeName())) {
                    throw validation("key attribute " + element.attributeName() + " has no attribute definition");
                }
                if (element.keyType() == KeyType.HASH) {
                    hash = element.attributeName();
                } else {
                    range = element.attributeName();
                }
            }
            if (hash == null) {
                throw validation("a key schema needs a HASH key" + (name == null ? "" : " (index " + name + ")"));
            }
            return new Index(name, hash, range, global);
        }

        Index index(String name) {
            if (name == null) {
                return primary;
            }
            Index index = indexes.get(name);
            if (index == null) {
                throw validation("The table does not have the specified index: " + name);
            }
            return index;
        }

        TableDescription description() {
            return TableDescription.builder()
                    .tableName(definition.tableName())
                    .tableStatus(TableStatus.ACTIVE)
                    .keySchema(definition.keySchema())
                    .attributeDefinitions(definition.attributeDefinitions())
                    .billingModeSummary(BillingModeSummary.builder()
                            .billingMode(definition.billingMode() == null ? BillingMode.PROVISIONED
                                    : definition.billingMode()).build())
                    .globalSecondaryIndexes(definition.globalSecondaryIndexes().stream()
                            .map(gsi -> GlobalSecondaryIndexDescription.builder().indexName(gsi.indexName())
                                    .keySchema(gsi.keySchema()).projection(gsi.projection())
                                    .indexStatus(IndexStatus.ACTIVE).build()).toList())
                    .itemCount((long) items.size())
                    .build();
        }

        /** The map key of the item with this key; the key must be exactly the table's key. */
        private List<AttributeValue> keyOf(Map<String, AttributeValue> key, boolean wholeItem) {
            if (!wholeItem) {
                int expected = primary.range() == null ? 1 : 2;
                if (key.size() != expected) {
                    throw validation("The provided key element does not match the schema");
                }
            }
            AttributeValue hash = keyPart(key, primary.hash());
            return primary.range() == null ? List.of(hash) : List.of(hash, keyPart(key, primary.range()));
        }

        private AttributeValue keyPart(Map<String, AttributeValue> item, String name) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw validation("One of the required keys was not given a value: " + name);
            }
            checkType(name, value);
            return value;
        }

        private void checkType(String name, AttributeValue value) {
            ScalarAttributeType type = types.get(name);
            boolean matches = switch (type) {
                case S -> value.s() != null;
                case N -> value.n() != null;
                case B -> value.b() != null;
                default -> false;
            };
            if (!matches) {
                throw validation("One or more parameter values were invalid: Type mismatch for key " + name
                        + " expected: " + type);
            }
            if (type == ScalarAttributeType.S && value.s().isEmpty()) {
                throw validation("One or more parameter values were invalid: An AttributeValue may not contain an "
                        + "empty string for key " + name);
            }
        }

        /** The index keys an item carries must have their declared type (an item of another type is refused). */
        private void checkIndexKeys(Map<String, AttributeValue> item) {
            for (Index index : indexes.values()) {
                for (String key : Arrays.asList(index.hash(), index.range())) {
                    if (key != null && item.containsKey(key)) {
                        checkType(key, item.get(key));
                    }
                }
            }
        }

        synchronized Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
            Map<String, AttributeValue> item = items.get(keyOf(key, false));
            return item == null ? null : Map.copyOf(item);
        }

        synchronized Map<String, AttributeValue> put(Map<String, AttributeValue> item,
                Predicate<Map<String, AttributeValue>> condition) {
            List<AttributeValue> key = keyOf(item, true);
            checkIndexKeys(item);
            DynamoValues.checkItem(item);
            Map<String, AttributeValue> old = items.get(key);
            if (!condition.test(old == null ? Map.of() : old)) {
                throw conditionFailed();
            }
            items.put(key, Map.copyOf(item));
            return old;
        }

        @SuppressWarnings("unchecked")
        synchronized Map<String, AttributeValue>[] update(Map<String, AttributeValue> key,
                Predicate<Map<String, AttributeValue>> condition, DynamoExpressions.Update update) {
            List<AttributeValue> mapKey = keyOf(key, false);
            Map<String, AttributeValue> old = items.get(mapKey);
            if (!condition.test(old == null ? Map.of() : old)) {
                throw conditionFailed();
            }
            Map<String, AttributeValue> updated = new LinkedHashMap<>(old == null ? key : old);
            update.applyTo(updated, primary.range() == null ? Set.of(primary.hash()) : Set.of(primary.hash(), primary.range()));
            checkIndexKeys(updated);
            DynamoValues.checkItem(updated);
            items.put(mapKey, Map.copyOf(updated));
            return new Map[] {old, Map.copyOf(updated)};
        }

        synchronized Map<String, AttributeValue> delete(Map<String, AttributeValue> key,
                Predicate<Map<String, AttributeValue>> condition) {
            List<AttributeValue> mapKey = keyOf(key, false);
            Map<String, AttributeValue> old = items.get(mapKey);
            if (!condition.test(old == null ? Map.of() : old)) {
                throw conditionFailed();
            }
            items.remove(mapKey);
            return old;
        }

        /**
         * The items of the index that match, in key order (hash, then range, then the table's key,
         * as dynalite keeps them), from after {@code start}, at most {@code limit}; the last one's
         * keys as {@code LastEvaluatedKey} when the limit was reached, as DynamoDB does.
         */
        synchronized Page read(Index index, Predicate<Map<String, AttributeValue>> matches, boolean forward,
                Map<String, AttributeValue> start, Integer limit) {
            if (limit != null && limit < 1) {
                throw validation("Limit must be at least 1: " + limit);
            }
            Comparator<Map<String, AttributeValue>> order = Comparator.comparing(
                    (Map<String, AttributeValue> item) -> item.get(index.hash()), DynamoValues::compare);
            if (index.range() != null) {
                order = order.thenComparing(item -> item.get(index.range()), DynamoValues::compare);
            }
            order = order.thenComparing(item -> item.get(primary.hash()), DynamoValues::compare);
            if (primary.range() != null) {
                order = order.thenComparing(item -> item.get(primary.range()), DynamoValues::compare);
            }
            if (!forward) {
                order = order.reversed();
            }
            List<Map<String, AttributeValue>> all = items.values().stream().filter(index::holds).filter(matches)
                    .sorted(order).toList();
            int from = 0;
            if (start != null && !start.isEmpty()) {
                from = all.size();
                for (int i = 0; i < all.size(); i++) {
                    if (order.compare(all.get(i), start) > 0) {
                        from = i;
                        break;
                    }
                }
            }
            int to = limit == null ? all.size() : Math.min(all.size(), from + limit);
            List<Map<String, AttributeValue>> page = all.subList(from, to);
            Map<String, AttributeValue> last = null;
            if (limit != null && page.size() == limit) {
                Map<String, AttributeValue> item = page.getLast();
                last = new LinkedHashMap<>();
                for (String name : new String[] {primary.hash(), primary.range(), index.hash(), index.range()}) {
                    if (name != null) {
                        last.put(name, item.get(name));
                    }
                }
            }
            return new Page(List.copyOf(page), last);
        }
    }

}
