package mallbots.notifications.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mallbots.platform.testing.TestCloud;
import org.junit.jupiter.api.Test;

/**
 * The ready {@code sam local invoke} events of the notifications functions work with the
 * functions they are for: the events event registers a customer and readies their order, and
 * the API event lists the notification that made.
 */
class NotificationsInvokeEventsTest {

    private static final Path INVOKE = Path.of("../../events-schema/invoke");
    /** The invoke event's OrderReadied makes the order's "ready" notification, whose id is by order and kind. */
    private static final String ORDER_READIED_ID = mallbots.notifications.domain.Notification.idFor(
            "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a604", mallbots.notifications.domain.NotificationKind.ORDER_READIED);

    /** As Lambda's runtime reads its events: case-insensitive names ("Records", "eventSourceARN"), lenient. */
    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final NotificationsTestbed notifications = new NotificationsTestbed(TestCloud.emulators());

    @Test
    void theEventsEventNotifiesTheCustomerAndTheApiEventListsIt() throws IOException {
        SQSEvent event = LAMBDA.readValue(read("NotificationsEvents.json"), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(2);
        event.getRecords().forEach(record -> NotificationsTestbed.schemaChecked(record.getBody()));

        SQSBatchResponse response = notifications.events.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(notifications.sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.id()).isEqualTo(ORDER_READIED_ID);
            assertThat(sent.smsNumber()).isEqualTo("+15555550123");
        });

        APIGatewayV2HTTPEvent request = LAMBDA.readValue(read("NotificationsApi.json"), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse answer = notifications.api.handleRequest(request, null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        JsonNode list = NotificationsTestbed.json(answer.getBody()).get("notifications");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(ORDER_READIED_ID);
        assertThat(list.get(0).get("kind").asText()).isEqualTo("ORDER_READIED");
    }

    private static String read(String name) throws IOException {
        return Files.readString(INVOKE.resolve(name));
    }
}
