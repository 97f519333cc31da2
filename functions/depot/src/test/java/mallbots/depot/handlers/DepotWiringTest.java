package mallbots.depot.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.depot.ShoppingListCompleted;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.Message;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.FunctionEnvironments;
import mallbots.platform.testing.TestCloud;
import mallbots.platform.testing.SchemaCheckingPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions as Lambda and the local cloud build them: from their environment. */
class DepotWiringTest {

    private final DepotTestbed depot = new DepotTestbed(TestCloud.emulators());

    @Test
    void aMissingSettingIsNamedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new DepotApiFunction(Environment.of(Map.of("EVENT_BUS_NAME", "mallbots"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
        assertThatThrownBy(() -> new DepotEventsFunction(Environment.of(Map.of("TABLE_NAME", depot.tableName))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable EVENT_BUS_NAME");
    }

    @Test
    void fromItsEnvironmentTheApiCompletesAListAndABusThatIsDownLeavesTheEventToTheSweeper() {
        String orderId = UUID.randomUUID().toString();
        String listId = depot.availableList(orderId);
        assertThat(depot.assign(listId, "{\"botId\": \"bot-1\"}").status()).isEqualTo(200);
        Environment env = FunctionEnvironments.withBusDown(depot.tableName);

        APIGatewayV2HTTPResponse response = new DepotApiFunction(env).handleRequest(ApiGatewayEvents
                .route(DepotRoutes.COMPLETE).path("/api/depot/shopping/" + listId + "/complete").build(), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        Map<String, AttributeValue> item = depot.item("shopping#" + listId).orElseThrow();
        assertThat(item.get("outbox").m()).hasSize(1);
        assertThat(item.get("outboxPending").s()).isEqualTo("1");
        assertThat(depot.published(DepotMessages.SHOPPING_LIST_COMPLETED)).isEmpty();

        new OutboxSweeperFunction(depot.dynamo, depot.tableName, new SchemaCheckingPublisher(depot.bus), Duration.ZERO)
                .handleRequest(null, null);

        List<Message<?>> completed = depot.published(DepotMessages.SHOPPING_LIST_COMPLETED);
        assertThat(completed).<Object>extracting(Message::data).containsExactly(new ShoppingListCompleted(listId, orderId));
        assertThat(completed.getFirst().metadata().aggregateVersion()).isEqualTo(4);
        assertThat(depot.item("shopping#" + listId).orElseThrow().get("outbox").m()).isEmpty();
    }
}
