package mallbots.ordering.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mallbots.messages.ordering.OrderingMessages;
import org.junit.jupiter.api.Test;

/**
 * The ready {@code sam local invoke} events of the ordering functions (events-schema/invoke/) are
 * events the functions really take: read as Lambda's runtime reads them, and handled. The events
 * function's checkout creates the order that the API event reads.
 */
class OrderingInvokeEventsTest {

    /** Lenient, like the Lambda runtime's serializer: the events' field names are AWS's ("Records"). */
    private static final JsonMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final OrderingTestbed ordering = new OrderingTestbed();

    @Test
    void theEventsEventIsASchemaValidCheckoutAndTheApiEventReadsTheOrderItMade() throws IOException {
        SQSEvent checkout = LAMBDA.readValue(invokeEvent("OrderingEvents"), SQSEvent.class);
        assertThat(checkout.getRecords()).hasSize(1);
        String body = OrderingTestbed.schemaChecked(checkout.getRecords().getFirst().getBody());

        assertThat(ordering.events.handleRequest(checkout, null).getBatchItemFailures()).isEmpty();
        APIGatewayV2HTTPEvent read = LAMBDA.readValue(invokeEvent("OrderingApi"), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = ordering.api.handleRequest(read, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode order = LAMBDA.readTree(response.getBody());
        JsonNode basket = LAMBDA.readTree(body).get("detail").get("data");
        assertThat(order.get("id").asText()).isEqualTo(basket.get("basketId").asText());
        assertThat(order.get("status").asText()).isEqualTo("pending");
        assertThat(order.get("total").asText()).isEqualTo("6.30");
        assertThat(ordering.published(OrderingMessages.ORDER_CREATED)).hasSize(1);
    }

    @Test
    void theSweeperEventIsAScheduledEvent() throws IOException {
        JsonNode event = LAMBDA.readTree(invokeEvent("OrderingOutboxSweeper"));

        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
    }

    private static String invokeEvent(String functionId) throws IOException {
        return Files.readString(Path.of("../../events-schema/invoke/" + functionId + ".json"));
    }
}
