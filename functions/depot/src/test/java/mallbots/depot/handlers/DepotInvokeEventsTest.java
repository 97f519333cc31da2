package mallbots.depot.handlers;

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
import mallbots.depot.application.CreateShoppingList;
import mallbots.messages.depot.CreateShoppingListReply;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.SchemaCheckingPublisher;
import org.junit.jupiter.api.Test;

/**
 * The ready {@code sam local invoke} events of the depot functions work with the functions they
 * are for: the events event's CreateShoppingList makes the list that the API event reads.
 */
class DepotInvokeEventsTest {

    private static final Path INVOKE = Path.of("../../events-schema/invoke");
    private static final String STORE_ID = "6f1c2a34-8b1e-4c0a-9d7e-1a2b3c4d5e01";
    private static final String PRODUCT_ID = "9a7b6c5d-4e3f-4a1b-8c2d-0e1f2a3b4c02";
    private static final String COMMAND_ID = "c3a1f0d2-5b7e-4f8a-9c1d-2e3f4a5b6c07";

    /** As Lambda's runtime reads its events: case-insensitive names ("Records", "eventSourceARN"), lenient. */
    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DepotTestbed depot = new DepotTestbed();

    @Test
    void theEventsEventCarriesAValidCreateShoppingListAndTheApiEventReadsTheListItMade() throws IOException {
        depot.deliverOk(DepotTestbed.storeCreated(STORE_ID, "Robot Parts", "Level 1, east"),
                DepotTestbed.productAdded(PRODUCT_ID, STORE_ID, "Servo Motor"));
        SQSEvent event = LAMBDA.readValue(read("DepotEvents.json"), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(1);
        DepotTestbed.schemaChecked(event.getRecords().getFirst().getBody());

        SQSBatchResponse response = depot.events.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Message<?> reply = depot.published().getLast();
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reply.metadata().causationId()).isEqualTo(COMMAND_ID);
        String listId = ((CreateShoppingListReply) reply.data()).shoppingListId();
        assertThat(listId).isEqualTo(CreateShoppingList.listIdFor(COMMAND_ID));

        APIGatewayV2HTTPEvent get = LAMBDA.readValue(read("DepotApi.json"), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse answer = depot.api.handleRequest(get, null);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        JsonNode view = DepotTestbed.json(answer.getBody());
        assertThat(view.get("id").asText()).isEqualTo(listId);
        assertThat(view.get("status").asText()).isEqualTo("pending");
        assertThat(view.get("stops").get(0).get("items").get(0).get("productName").asText()).isEqualTo("Servo Motor");
    }

    @Test
    void onAFreshTableTheEventsEventIsAnsweredWithAFailure() throws IOException {
        SQSEvent event = LAMBDA.readValue(read("DepotEvents.json"), SQSEvent.class);

        assertThat(depot.events.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        Message<?> reply = depot.published().getFirst();
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo("store " + STORE_ID + " is unknown");
    }

    @Test
    void theSweeperEventIsAScheduledEvent() throws IOException {
        JsonNode event = DepotTestbed.json(read("DepotOutboxSweeper.json"));
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");

        var sweeper = new OutboxSweeperFunction(depot.dynamo, depot.tableName, new SchemaCheckingPublisher(depot.bus),
                Duration.ZERO);
        // the sweeper reads nothing from its event (Lambda's own serializer turns it into a ScheduledEvent)
        assertThat(sweeper.handleRequest(new ScheduledEvent(), null)).isEqualTo("swept 0 items: 0 events published, 0 failed");
    }

    private static String read(String name) throws IOException {
        return Files.readString(INVOKE.resolve(name));
    }
}
