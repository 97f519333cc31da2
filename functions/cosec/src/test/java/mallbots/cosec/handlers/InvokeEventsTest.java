package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;

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
import mallbots.messages.cosec.AuthorizeCustomerCommand;
import mallbots.platform.messaging.Message;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.schema.MessageSchemas;
import org.junit.jupiter.api.Test;

/** The ready {@code sam local invoke} events of the cosec functions work with the functions they are for. */
class InvokeEventsTest {

    private static final Path INVOKE = Path.of("../../events-schema/invoke");

    /** As Lambda's runtime reads its events: case-insensitive names ("Records", "eventSourceARN"), lenient. */
    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final CosecTestbed testbed = new CosecTestbed();

    @Test
    void theEventsEventCarriesAValidOrderCreatedThatStartsASaga() throws IOException {
        SQSEvent event = LAMBDA.readValue(read("CosecEvents.json"), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(1);
        assertThat(MessageSchemas.load().validateEvent(event.getRecords().getFirst().getBody())).isEmpty();

        SQSBatchResponse response = new CosecEventsFunction(testbed.module).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Message<?> authorize = testbed.command("b4a3c2d1-e0f9-4a8b-9c7d-6e5f4a3b2c1d", "AuthorizeCustomer");
        assertThat(testbed.commandTypes()).containsExactly("AuthorizeCustomer", "CreateShoppingList", "ConfirmPayment");
        assertThat(authorize.data()).isEqualTo(new AuthorizeCustomerCommand("c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03"));
        assertThat(authorize.metadata().causationId()).isEqualTo("0d6a2f4e-8b1c-4e5d-9f7a-3c2b1a0e9d88");
        assertThat(testbed.saga("b4a3c2d1-e0f9-4a8b-9c7d-6e5f4a3b2c1d").step()).isEqualTo(2);
    }

    @Test
    void theSweeperEventIsAScheduledEvent() throws IOException {
        JsonNode event = CosecTestbed.json(read("CosecOutboxSweeper.json"));
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
