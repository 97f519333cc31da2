package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import mallbots.messages.ordering.OrderCreated;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.Message;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.FunctionEnvironments;
import mallbots.platform.testing.TestCloud;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions as Lambda and the local cloud build them: from their environment. */
class WiringTest {

    private final CosecTestbed testbed = new CosecTestbed(TestCloud.emulators());

    @Test
    void aMissingSettingIsNamedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new CosecEventsFunction(Environment.of(Map.of("EVENT_BUS_NAME", "mallbots"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
        assertThatThrownBy(() -> new CosecEventsFunction(Environment.of(Map.of("TABLE_NAME", testbed.table))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable EVENT_BUS_NAME");
    }

    @Test
    void fromItsEnvironmentTheSagaStartsAndABusThatIsDownLeavesTheCommandToTheSweeper() {
        Environment env = FunctionEnvironments.withBusDown(testbed.table);
        Message<OrderCreated> created = CosecTestbed.orderCreated();
        String orderId = created.data().orderId();
        SqsEvents.send(testbed.sqs, testbed.queue, EventBridgeEvents.of(created, CosecTestbed.INBOUND));

        var response = new CosecEventsFunction(env).handleRequest(SqsEvents.receive(testbed.sqs, testbed.queue, 1), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = testbed.sagaItem(orderId).orElseThrow();
        assertThat(item.get("outbox").m()).hasSize(3);
        assertThat(item.get("outboxPending").s()).isEqualTo("1");

        new OutboxSweeperFunction(testbed.dynamo, testbed.table, new SchemaCheckingPublisher(testbed.bus), Duration.ZERO)
                .handleRequest(null, null);

        assertThat(testbed.commandTypes()).containsExactlyInAnyOrder("AuthorizeCustomer", "CreateShoppingList",
                "ConfirmPayment");
        assertThat(testbed.commands()).extracting(Message::messageId)
                .containsExactlyInAnyOrderElementsOf(testbed.saga(orderId).awaiting());
        assertThat(testbed.sagaItem(orderId).orElseThrow().get("outbox").m()).isEmpty();
    }
}
