package mallbots.payments.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.payments.PaymentsModule;
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
 * One payments context on a fresh table in dynalite, shaped as template.yaml's PaymentsTable;
 * everything it publishes is checked against its schema and then recorded.
 */
final class PaymentsTestbed {

    static final MessageCodec PAYMENTS_CODEC = new MessageCodec(PaymentsMessages.ALL);

    final DynamoDbClient dynamo;
    final String table = LocalAws.uniqueName("payments");
    final RecordingPublisher bus = RecordingPublisher.accepting();
    final PaymentsModule module;

    PaymentsTestbed() {
        this(TestCloud.inMemory());
    }

    /** With {@link TestCloud#emulators()}: the real path, dynalite and ElasticMQ. */
    PaymentsTestbed(TestCloud cloud) {
        dynamo = cloud.dynamo();
        ContextTable.create(dynamo, table, ContextTable.Keys.PARTITION);
        module = PaymentsModule.create(dynamo, table, new SchemaCheckingPublisher(bus));
    }

    /** The raw item, read consistently. */
    Optional<Map<String, AttributeValue>> item(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(ContextTable.PARTITION_KEY, AttributeValue.fromS(key)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    Map<String, AttributeValue> paymentItem(String paymentId) {
        return item("payment#" + paymentId).orElseThrow(() -> new AssertionError("no payment " + paymentId));
    }

    Map<String, AttributeValue> invoiceItem(String invoiceId) {
        return item("invoice#" + invoiceId).orElseThrow(() -> new AssertionError("no invoice " + invoiceId));
    }

    /** Every item of the table, for "nothing changed" checks. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamo.scan(r -> r.tableName(table).consistentRead(true)).items();
    }

    /** The published messages, decoded (strictly) as consumers will see them. */
    List<Message<?>> published() {
        return bus.published().stream().map(PaymentsTestbed::decode).toList();
    }

    static Message<?> decode(OutboundEvent event) {
        return PAYMENTS_CODEC.decodeDetail(event.source(), event.detailType(), event.detail());
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
