package mallbots.customers.handlers;

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
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.schema.MessageSchemas;
import org.junit.jupiter.api.Test;

/** The ready {@code sam local invoke} events of the customers functions work with the functions they are for. */
class InvokeEventsTest {

    private static final Path INVOKE = Path.of("../../events-schema/invoke");

    /** As Lambda's runtime reads its events: case-insensitive names ("Records", "eventSourceARN"), lenient. */
    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final CustomersTestbed testbed = new CustomersTestbed();

    @Test
    void theApiEventRegistersACustomer() throws IOException {
        APIGatewayV2HTTPEvent event = LAMBDA.readValue(read("CustomersApi.json"), APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = new CustomersApiFunction(testbed.module).handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        String id = CustomersTestbed.json(response.getBody()).get("id").asText();
        assertThat(testbed.customerItem(id).get("state").s()).contains("\"smsNumber\":\"+442079460000\"");
    }

    @Test
    void theEventsEventCarriesAValidAuthorizeCustomerThatIsAnswered() throws IOException {
        SQSEvent event = LAMBDA.readValue(read("CustomersEvents.json"), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(1);
        assertThat(MessageSchemas.load().validateEvent(event.getRecords().getFirst().getBody())).isEmpty();

        SQSBatchResponse response = new CustomersEventsFunction(testbed.module).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Message<?> reply = testbed.published().getFirst();
        assertThat(reply.detailType()).isEqualTo("AuthorizeCustomerReply");
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.FAILURE); // no such customer in a fresh table
        assertThat(reply.metadata().causationId()).isEqualTo("a875742b-4bb2-572b-a0e8-35a49b5d79ff");
    }

    @Test
    void theSweeperEventIsAScheduledEvent() throws IOException {
        JsonNode event = CustomersTestbed.json(read("CustomersOutboxSweeper.json"));
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
