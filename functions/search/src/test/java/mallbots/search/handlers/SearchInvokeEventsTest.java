package mallbots.search.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ready {@code sam local invoke} events: the events event's OrderCreated is the order the API event reads. */
class SearchInvokeEventsTest {

    private static final Path INVOKE = Path.of("../../events-schema/invoke");
    private static final String ORDER_ID = "4c9e1d2a-6b3f-4a7c-8d5e-0f1a2b3c4d10";

    /** As Lambda's runtime reads events: case-insensitive names, lenient about the rest. */
    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SearchTestbed search = new SearchTestbed();

    @Test
    void theEventsEventProjectsAnOrderThatTheApiEventReads() throws IOException {
        SQSEvent event = LAMBDA.readValue(Files.readString(INVOKE.resolve("SearchEvents.json")), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(1);
        String body = event.getRecords().getFirst().getBody();
        assertThat(SearchTestbed.SCHEMAS.validateEvent(body)).as(body).isEmpty();

        assertThat(search.events.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        APIGatewayV2HTTPEvent get = LAMBDA.readValue(Files.readString(INVOKE.resolve("SearchApi.json")),
                APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse answer = search.api.handleRequest(get, null);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        JsonNode view = new SearchTestbed.Response(answer).json();
        assertThat(view.get("orderId").asText()).isEqualTo(ORDER_ID);
        assertThat(view.get("status").asText()).isEqualTo("pending");
        assertThat(view.get("total").asText()).isEqualTo("25.00");
        assertThat(view.get("items").get(0).get("productName").asText()).isEqualTo("Servo Motor");
    }
}
