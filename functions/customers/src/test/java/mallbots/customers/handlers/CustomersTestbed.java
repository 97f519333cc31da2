package mallbots.customers.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.customers.CustomersModule;
import mallbots.messages.customers.CustomersMessages;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.TestCloud;
import mallbots.platform.testing.SchemaCheckingPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One customers context on a fresh table in dynalite, shaped as template.yaml's CustomersTable;
 * everything it publishes is checked against its schema and then recorded.
 */
final class CustomersTestbed {

    static final MessageCodec CUSTOMERS_CODEC = new MessageCodec(CustomersMessages.ALL);

    final DynamoDbClient dynamo;
    final String table = LocalAws.uniqueName("customers");
    final RecordingPublisher bus = RecordingPublisher.accepting();
    final CustomersModule module;

    CustomersTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    CustomersTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        ContextTable.create(dynamo, table, ContextTable.Keys.PARTITION);
        module = CustomersModule.create(dynamo, table, new SchemaCheckingPublisher(bus));
    }

    /** The raw item, read consistently. */
    Optional<Map<String, AttributeValue>> item(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(ContextTable.PARTITION_KEY, AttributeValue.fromS(key)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    Map<String, AttributeValue> customerItem(String customerId) {
        return item("customer#" + customerId).orElseThrow(() -> new AssertionError("no item for " + customerId));
    }

    /** Every item of the table, for "nothing changed" checks. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(r -> r.tableName(table).consistentRead(true)).items();
    }

    /** The published messages, decoded (strictly) as consumers will see them. */
    List<Message<?>> published() {
        return bus.published().stream().map(CustomersTestbed::decode).toList();
    }

    static Message<?> decode(OutboundEvent event) {
        return CUSTOMERS_CODEC.decodeDetail(event.source(), event.detailType(), event.detail());
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
