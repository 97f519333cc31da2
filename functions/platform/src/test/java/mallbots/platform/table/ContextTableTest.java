package mallbots.platform.table;

import static org.assertj.core.api.Assertions.assertThat;

import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class ContextTableTest {

    private static final DynamoDbClient DYNAMO = LocalAws.dynamo();

    @Test
    void aTableForAggregatesHasASortKeyAndTheOutboxIndex() {
        String name = LocalAws.uniqueName("context");
        ContextTable.create(DYNAMO, name, ContextTable.Keys.PARTITION_AND_SORT);

        TableDescription table = DYNAMO.describeTable(r -> r.tableName(name)).table();
        assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(table.attributeDefinitions()).anySatisfy(a -> {
            assertThat(a.attributeName()).isEqualTo("sk");
            assertThat(a.attributeTypeAsString()).isEqualTo("N");
        });
        assertOutboxIndex(table);
    }

    @Test
    void aTableOfStateItemsHasOnlyAPartitionKey() {
        String name = LocalAws.uniqueName("context");
        ContextTable.create(DYNAMO, name, ContextTable.Keys.PARTITION);

        TableDescription table = DYNAMO.describeTable(r -> r.tableName(name)).table();
        assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk");
        assertOutboxIndex(table);
    }

    private static void assertOutboxIndex(TableDescription table) {
        assertThat(table.globalSecondaryIndexes()).hasSize(1);
        GlobalSecondaryIndexDescription index = table.globalSecondaryIndexes().getFirst();
        assertThat(index.indexName()).isEqualTo("outbox");
        assertThat(index.keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly("outboxPending", "outboxSince");
        assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
    }
}
