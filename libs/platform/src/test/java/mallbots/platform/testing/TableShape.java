package mallbots.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mallbots.platform.table.ContextTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table's keys, attribute definitions and indexes (each as its key schema and projection), in
 * one comparable form: what template.yaml declares and what {@link ContextTable} creates must be
 * the same shape, so that the code's tests and the deployed table agree.
 */
public record TableShape(List<String> keySchema, Set<String> attributes, Map<String, String> indexes) {

    /** The shape of a table template.yaml declares; also checks it is billed per request. */
    public static TableShape declared(CloudFormationTemplate template, String logicalId) {
        Map<String, Object> table = template.properties(logicalId);
        assertThat(table.get("BillingMode")).as("%s BillingMode", logicalId).isEqualTo("PAY_PER_REQUEST");
        Set<String> attributes = CloudFormationTemplate.list(table.get("AttributeDefinitions")).stream()
                .map(CloudFormationTemplate::map)
                .map(a -> a.get("AttributeName") + " " + a.get("AttributeType")).collect(Collectors.toSet());
        Map<String, String> indexes = CloudFormationTemplate.list(table.get("GlobalSecondaryIndexes")).stream()
                .map(CloudFormationTemplate::map)
                .collect(Collectors.toMap(index -> (String) index.get("IndexName"),
                        index -> CloudFormationTemplate.keySchema(index.get("KeySchema")) + " "
                                + CloudFormationTemplate.map(index.get("Projection")).get("ProjectionType")));
        return new TableShape(CloudFormationTemplate.keySchema(table.get("KeySchema")), attributes, indexes);
    }

    /** The shape of a table that exists, as DescribeTable tells it. */
    public static TableShape of(TableDescription table) {
        Set<String> attributes = table.attributeDefinitions().stream()
                .map(a -> a.attributeName() + " " + a.attributeTypeAsString()).collect(Collectors.toSet());
        Map<String, String> indexes = table.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(index -> index.indexName(),
                        index -> keys(index.keySchema()) + " " + index.projection().projectionTypeAsString()));
        return new TableShape(keys(table.keySchema()), attributes, indexes);
    }

    /**
     * The shape of the table {@link ContextTable} creates with these keys and indexes, as
     * DescribeTable tells it ({@link InMemoryDynamo}: {@code StoresContract} holds its answer to
     * dynalite's).
     */
    public static TableShape created(ContextTable.Keys keys, List<ContextTable.Index> indexes) {
        return created(new InMemoryDynamo(), keys, indexes);
    }

    static TableShape created(DynamoDbClient dynamo, ContextTable.Keys keys, List<ContextTable.Index> indexes) {
        String name = LocalAws.uniqueName("shape");
        ContextTable.create(dynamo, name, keys, indexes);
        return of(dynamo.describeTable(b -> b.tableName(name)).table());
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
    }
}
