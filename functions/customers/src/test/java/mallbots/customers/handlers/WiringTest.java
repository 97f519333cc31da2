package mallbots.customers.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mallbots.messages.customers.CustomerRegistered;
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
class WiringTest {

    private final CustomersTestbed testbed = new CustomersTestbed(TestCloud.emulators());

    @Test
    void aMissingSettingIsNamedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new CustomersApiFunction(Environment.of(Map.of("EVENT_BUS_NAME", "mallbots"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
        assertThatThrownBy(() -> new CustomersEventsFunction(Environment.of(Map.of("TABLE_NAME", testbed.table))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable EVENT_BUS_NAME");
    }

    @Test
    void fromItsEnvironmentTheApiStoresAndABusThatIsDownLeavesTheEventToTheSweeper() {
        Environment env = FunctionEnvironments.withBusDown(testbed.table);

        APIGatewayV2HTTPResponse response = new CustomersApiFunction(env).handleRequest(ApiGatewayEvents
                .route("POST /api/customers").caller(java.util.UUID.randomUUID().toString(), "mallbots/customer").json("{\"name\": \"Ada\", \"smsNumber\": \"+15550100001\"}").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        String id = CustomersTestbed.json(response.getBody()).get("id").asText();
        Map<String, AttributeValue> item = testbed.customerItem(id);
        assertThat(item.get("outbox").m()).hasSize(1);
        assertThat(item.get("outboxPending").s()).isEqualTo("1");

        new OutboxSweeperFunction(testbed.dynamo, testbed.table, new SchemaCheckingPublisher(testbed.bus), Duration.ZERO)
                .handleRequest(null, null);

        List<Message<?>> published = testbed.published();
        assertThat(published).<Object>extracting(Message::data).containsExactly(new CustomerRegistered(id, "Ada", "+15550100001"));
        assertThat(testbed.customerItem(id).get("outbox").m()).isEmpty();
    }
}
