package mallbots.baskets.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mallbots.platform.testing.TestCloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ready {@code sam local invoke} events of the baskets functions (events-schema/invoke/) are
 * events the functions really take: read as Lambda's runtime would, and handled.
 */
class BasketsInvokeEventsTest {

    /** Lenient, like the Lambda runtime's serializer: the events' field names are AWS's ("Records"). */
    private static final JsonMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final BasketsTestbed baskets = new BasketsTestbed(TestCloud.emulators());

    @Test
    void theApiEventStartsABasket() throws IOException {
        APIGatewayV2HTTPEvent event = LAMBDA.readValue(invokeEvent("BasketsApi"), APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = baskets.api.handleRequest(event, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        String id = LAMBDA.readTree(response.getBody()).get("id").asText();
        String caller = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        assertThat(caller).isEqualTo(LAMBDA.readTree(event.getBody()).get("customerId").asText());
        assertThat(baskets.call("GET /api/baskets/{id}", "/api/baskets/" + id, null, caller).json()
                .get("customerId").asText()).isEqualTo(caller);
    }

    @Test
    void theEventsEventCarriesASchemaValidStoresEventThatFillsTheCache() throws IOException {
        SQSEvent event = LAMBDA.readValue(invokeEvent("BasketsEvents"), SQSEvent.class);
        assertThat(event.getRecords()).isNotEmpty();
        event.getRecords().forEach(record -> BasketsTestbed.schemaChecked(record.getBody()));

        SQSBatchResponse response = baskets.events.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        JsonNode data = LAMBDA.readTree(event.getRecords().getFirst().getBody()).get("detail").get("data");
        Map<String, AttributeValue> cached = baskets.cacheItem("product#" + data.get("productId").asText());
        assertThat(cached.get("state").s()).contains(data.get("price").asText(), data.get("name").asText());
    }

    @Test
    void theSweeperEventIsAScheduledEvent() throws IOException {
        JsonNode event = LAMBDA.readTree(invokeEvent("BasketsOutboxSweeper"));

        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
    }

    private static String invokeEvent(String functionId) throws IOException {
        return Files.readString(Path.of("../../events-schema/invoke/" + functionId + ".json"));
    }
}
