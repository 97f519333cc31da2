package mallbots.payments.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mallbots.messages.payments.InvoiceCreated;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.schema.MessageSchemas;
import org.junit.jupiter.api.Test;

/** The ready {@code sam local invoke} events of the payments functions work with the functions they are for. */
class InvokeEventsTest {

    private static final Path INVOKE = Path.of("../../events-schema/invoke");

    /** As Lambda's runtime reads its events: case-insensitive names ("Records", "eventSourceARN"), lenient. */
    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final PaymentsTestbed testbed = new PaymentsTestbed();

    @Test
    void theApiEventAuthorizesAPayment() throws IOException {
        APIGatewayV2HTTPEvent event = LAMBDA.readValue(read("PaymentsApi.json"), APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = new PaymentsApiFunction(testbed.module).handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        String id = PaymentsTestbed.json(response.getBody()).get("id").asText();
        assertThat(testbed.paymentItem(id).get("state").s()).contains("\"amount\":\"55.48\"");
    }

    @Test
    void theEventsEventCarriesAValidOrderReadiedThatIssuesAnInvoice() throws IOException {
        SQSEvent event = LAMBDA.readValue(read("PaymentsEvents.json"), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(1);
        assertThat(MessageSchemas.load().validateEvent(event.getRecords().getFirst().getBody())).isEmpty();

        SQSBatchResponse response = new PaymentsEventsFunction(testbed.module).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        String orderId = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a604";
        Message<?> created = testbed.published().getFirst();
        assertThat(created.data()).isEqualTo(new InvoiceCreated(orderId, orderId, Money.of("55.48")));
        assertThat(created.metadata().causationId()).isEqualTo("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c90");
    }

    @Test
    void theSweeperEventIsAScheduledEvent() throws IOException {
        JsonNode event = PaymentsTestbed.json(read("PaymentsOutboxSweeper.json"));
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");

        var sweeper = new OutboxSweeperFunction(testbed.dynamo, testbed.table, new SchemaCheckingPublisher(testbed.bus),
                Duration.ZERO);
        // the sweeper reads nothing from its event (Lambda's own serializer turns it into a ScheduledEvent)
        String result = sweeper.handleRequest(new ScheduledEvent(), null);

        assertThat(result).isEqualTo("swept 0 items: 0 events published, 0 failed");
    }

    private static String read(String name) throws IOException {
        return Files.readString(INVOKE.resolve(name));
    }
}
