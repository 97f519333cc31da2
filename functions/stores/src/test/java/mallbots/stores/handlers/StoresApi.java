package mallbots.stores.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.stores.StoresModule;
import mallbots.stores.adapters.StoresTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stores API function on a real table in dynalite, called with the events API Gateway sends;
 * every message it publishes is checked against its schema and recorded.
 */
final class StoresApi {

    static final DynamoDbClient DYNAMO = LocalAws.dynamo();
    private static final MessageCodec CODEC = new MessageCodec(StoresMessages.ALL);

    final String table;
    final RecordingPublisher recorder;
    final StoresApiFunction function;

    StoresApi(String table, RecordingPublisher recorder) {
        this.table = table;
        this.recorder = recorder;
        EventPublisher publisher = new SchemaCheckingPublisher(recorder);
        this.function = new StoresApiFunction(StoresModule.create(DYNAMO, table, publisher));
    }

    StoresApi(String table) {
        this(table, RecordingPublisher.accepting());
    }

    /** A new table shaped as the template declares it. */
    static String newTable() {
        String table = LocalAws.uniqueName("stores");
        StoresTable.create(DYNAMO, table);
        return table;
    }

    record Response(int status, JsonNode body) {

        String text(String field) {
            assertThat(body.has(field)).as("%s in %s", field, body).isTrue();
            return body.get(field).asText();
        }

        String message() {
            return text("message");
        }
    }

    /** A request API Gateway routed to {@code routeKey}, to the concrete {@code path}. */
    Response send(String routeKey, String path, String jsonBody) {
        ApiGatewayEvents request = ApiGatewayEvents.route(routeKey).path(path);
        if (jsonBody != null) {
            request.json(jsonBody);
        }
        return send(request.build());
    }

    Response send(String routeKey, String path) {
        return send(routeKey, path, null);
    }

    Response send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        try {
            JsonNode body = response.getBody() == null ? null : Json.mapper().readTree(response.getBody());
            return new Response(response.getStatusCode(), body);
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    String createStore(String name, String location) {
        Response created = send("POST /api/stores", "/api/stores",
                "{\"name\": \"" + name + "\", \"location\": \"" + location + "\"}");
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.text("id");
    }

    String addProduct(String storeId, String name, String price) {
        Response created = send("POST /api/stores/{storeId}/products", "/api/stores/" + storeId + "/products",
                "{\"name\": \"" + name + "\", \"description\": \"" + name + " description\", \"sku\": \"SKU-"
                        + name + "\", \"price\": " + price + "}");
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.text("id");
    }

    /** What the function published, decoded strictly (it already passed the schema check). */
    List<Message<?>> published() {
        return recorder.published().stream()
                .<Message<?>>map(event -> CODEC.decodeDetail(event.source(), event.detailType(), event.detail()))
                .toList();
    }

    /** The payload of one published event, decoded strictly. */
    static Object payload(OutboundEvent event) {
        return CODEC.decodeDetail(event.source(), event.detailType(), event.detail()).data();
    }

    /** The payloads of what the function published, in order. */
    List<Object> payloads() {
        return published().stream().<Object>map(Message::data).toList();
    }

    /** Every item of the store's partition (history and read model), in sort-key order. */
    List<Map<String, AttributeValue>> storeItems(String storeId) {
        return partition(StoresTable.STORE_KEY_PREFIX + storeId);
    }

    List<Map<String, AttributeValue>> productItems(String productId) {
        return partition(StoresTable.PRODUCT_KEY_PREFIX + productId);
    }

    List<Map<String, AttributeValue>> partition(String pk) {
        return DYNAMO.query(r -> r.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    /** Every item of the table: for "a refused command wrote nothing anywhere". */
    List<Map<String, AttributeValue>> everything() {
        return DYNAMO.scan(r -> r.tableName(table).consistentRead(true)).items();
    }

    /** Runs a request that must be refused and checks that it wrote and published nothing. */
    Response refused(int status, String routeKey, String path, String jsonBody) {
        List<Map<String, AttributeValue>> before = everything();
        int publishedBefore = recorder.published().size();
        Response response = send(routeKey, path, jsonBody);
        assertThat(response.status()).as("%s %s -> %s", routeKey, jsonBody, response.body()).isEqualTo(status);
        assertThat(response.message()).isNotBlank();
        assertThat(everything()).as("items after a refused %s", routeKey).containsExactlyInAnyOrderElementsOf(before);
        assertThat(recorder.published()).hasSize(publishedBefore);
        return response;
    }
}
