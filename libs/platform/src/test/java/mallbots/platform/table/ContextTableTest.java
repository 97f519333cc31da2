package mallbots.platform.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        assertThat(table.globalSecondaryIndexes()).hasSize(1);
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

    @Test
    void aContextsOwnIndexesComeWithTheOutboxIndex() {
        String name = LocalAws.uniqueName("context");
        ContextTable.create(DYNAMO, name, ContextTable.Keys.PARTITION_AND_SORT, List.of(
                new ContextTable.Index("byOwner", "owner", "title"),
                new ContextTable.Index("byTitle", "title", null)));

        TableDescription table = DYNAMO.describeTable(r -> r.tableName(name)).table();
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("outbox", "byOwner", "byTitle");
        GlobalSecondaryIndexDescription byOwner = table.globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals("byOwner")).findFirst().orElseThrow();
        assertThat(byOwner.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("owner", "title");
        assertThat(byOwner.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(table.attributeDefinitions()).filteredOn(a -> a.attributeName().equals("title")).hasSize(1);
    }

    private static void assertOutboxIndex(TableDescription table) {
        GlobalSecondaryIndexDescription index = table.globalSecondaryIndexes().stream()
                .filter(candidate -> candidate.indexName().equals("outbox")).findFirst().orElseThrow();
        assertThat(index.indexName()).isEqualTo("outbox");
        assertThat(index.keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly("outboxPending", "outboxSince");
        assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
    }
}
