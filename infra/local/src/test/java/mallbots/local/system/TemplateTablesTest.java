package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mallbots.local.template.Template;
import mallbots.platform.table.ContextTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Every table of the expanded template.yaml, one case per table, has one shape (keys, attribute
 * definitions, indexes with their projection) three ways: as the template declares it, as the
 * local cloud provisions it, and as {@link ContextTable} makes it from what the context's code
 * says it needs ({@code mallbots.<context>.adapters.<Context>Table}: {@code KEYS} and
 * {@code INDEXES}, read from the context's jar). So the code's tests, the local cloud and the
 * deployed table agree.
 */
class TemplateTablesTest {

    private static final Template TEMPLATE = RepositoryTemplate.read();

    static Stream<String> tables() {
        return TEMPLATE.tables().stream().map(Template.Table::logicalId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void is_the_table_the_local_cloud_provisions_and_the_contexts_code_needs(String logicalId) throws Exception {
        Template.Table table = TEMPLATE.tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst().orElseThrow();
        assertThat(table.billingMode()).as("%s BillingMode", logicalId).isEqualTo("PAY_PER_REQUEST");
        Shape declared = Shape.declared(table);
        DynamoDbClient dynamo = SystemCloud.shared().local().clients().dynamo();

        Shape provisioned = Shape.of(dynamo.describeTable(b -> b.tableName(table.name())).table());
        Shape needed = neededByTheCode(dynamo, table);

        assertThat(provisioned).as("%s as the local cloud provisions it", logicalId).isEqualTo(declared);
        assertThat(needed).as("%s as ContextTable makes it for the context's code", logicalId).isEqualTo(declared);
    }

    /** The shape ContextTable makes (in the local cloud's dynalite) from the context's KEYS and INDEXES. */
    private static Shape neededByTheCode(DynamoDbClient dynamo, Template.Table table) throws ReflectiveOperationException {
        String context = table.logicalId().replaceFirst("Table$", "");
        String prefix = "functions/" + context.toLowerCase(Locale.ROOT) + "/";
        Template.Function function = TEMPLATE.functions().stream().filter(f -> f.codeUri().startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no function of " + context + " uses " + table.logicalId()));
        ClassLoader jar = ServedRoutes.handler(TEMPLATE, function).getClass().getClassLoader();
        Class<?> declaration = Class.forName("mallbots." + context.toLowerCase(Locale.ROOT) + ".adapters."
                + context + "Table", true, jar);
        ContextTable.Keys keys = ContextTable.Keys.valueOf(((Enum<?>) declaration.getField("KEYS").get(null)).name());
        List<ContextTable.Index> indexes = new ArrayList<>();
        for (Object index : (List<?>) declaration.getField("INDEXES").get(null)) {
            indexes.add(new ContextTable.Index(component(index, "name"), component(index, "hashKey"),
                    component(index, "rangeKey")));
        }
        String name = "shape-" + UUID.randomUUID();
        ContextTable.create(dynamo, name, keys, indexes);
        try {
            return Shape.of(dynamo.describeTable(b -> b.tableName(name)).table());
        } finally {
            dynamo.deleteTable(b -> b.tableName(name));
        }
    }

    /** A component of a record of the jar's own ContextTable (another class loader's class). */
    private static String component(Object record, String name) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return (String) component.getAccessor().invoke(record);
            }
        }
        throw new AssertionError(record.getClass() + " has no " + name);
    }

    /** A table's keys, attribute definitions and indexes (key schema and projection), comparable. */
    record Shape(List<String> keySchema, Set<String> attributes, Map<String, String> indexes) {

        static Shape declared(Template.Table table) {
            return new Shape(table.keySchema().stream().map(k -> k.attributeName() + " " + k.keyType()).toList(),
                    table.attributes().stream().map(a -> a.name() + " " + a.type()).collect(Collectors.toSet()),
                    table.globalSecondaryIndexes().stream().collect(Collectors.toMap(Template.Index::name,
                            index -> index.keySchema().stream().map(k -> k.attributeName() + " " + k.keyType()).toList()
                                    + " " + index.projectionType())));
        }

        static Shape of(TableDescription table) {
            return new Shape(keys(table.keySchema()),
                    table.attributeDefinitions().stream().map(a -> a.attributeName() + " " + a.attributeTypeAsString())
                            .collect(Collectors.toSet()),
                    table.globalSecondaryIndexes().stream().collect(Collectors.toMap(index -> index.indexName(),
                            index -> keys(index.keySchema()) + " " + index.projection().projectionTypeAsString())));
        }

        private static List<String> keys(List<KeySchemaElement> schema) {
            return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
        }
    }
}
