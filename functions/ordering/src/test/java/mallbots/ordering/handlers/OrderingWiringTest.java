package mallbots.ordering.handlers;

import static mallbots.ordering.handlers.OrderingTestbed.checkedOut;
import static mallbots.ordering.handlers.OrderingTestbed.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import mallbots.platform.config.Environment;
import mallbots.platform.testing.FunctionEnvironments;
import mallbots.platform.testing.TestCloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions as Lambda and the local cloud build them: from their environment. */
class OrderingWiringTest {

    private final OrderingTestbed ordering = new OrderingTestbed(TestCloud.emulators());

    @Test
    void aMissingSettingIsNamedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new OrderingApiFunction(Environment.of(Map.of("EVENT_BUS_NAME", "mallbots"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
        assertThatThrownBy(() -> new OrderingEventsFunction(Environment.of(Map.of("TABLE_NAME", "orders"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable EVENT_BUS_NAME");
    }

    @Test
    void fromItsEnvironmentTheEventsFunctionCreatesTheOrderAndABusThatIsDownLeavesTheEventInTheOutbox() {
        Environment env = FunctionEnvironments.withBusDown(ordering.tableName);
        String orderId = newId();
        ordering.send(checkedOut(orderId));

        var response = new OrderingEventsFunction(env).handleRequest(ordering.receive(1), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ordering.status(orderId)).isEqualTo("pending");
        List<Map<String, AttributeValue>> history = ordering.historyOf(orderId);
        assertThat(history).hasSize(1);
        assertThat(history.getFirst().get("outbox").m()).hasSize(1);
        assertThat(history.getFirst().get("outboxPending").s()).isEqualTo("1");
    }
}
