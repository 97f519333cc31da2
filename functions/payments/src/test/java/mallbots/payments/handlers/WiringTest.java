package mallbots.payments.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import mallbots.messages.payments.InvoicePaid;
import mallbots.platform.config.Environment;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.FunctionEnvironments;
import mallbots.platform.testing.TestCloud;
import mallbots.platform.testing.SchemaCheckingPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions as Lambda and the local cloud build them: from their environment. */
class WiringTest {

    private final PaymentsTestbed testbed = new PaymentsTestbed(TestCloud.emulators());

    @Test
    void aMissingSettingIsNamedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new PaymentsApiFunction(Environment.of(Map.of("EVENT_BUS_NAME", "mallbots"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
        assertThatThrownBy(() -> new PaymentsEventsFunction(Environment.of(Map.of("TABLE_NAME", testbed.table))))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable EVENT_BUS_NAME");
    }

    private static final String CUSTOMER = "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03";

    @Test
    void fromItsEnvironmentTheApiPaysAndABusThatIsDownLeavesInvoicePaidToTheSweeper() {
        String orderId = UUID.randomUUID().toString();
        testbed.module.issueInvoice().issue(Cause.of(Metadata.first()), orderId, CUSTOMER, Money.of("20.00"));
        Environment env = FunctionEnvironments.withBusDown(testbed.table);

        APIGatewayV2HTTPResponse response = new PaymentsApiFunction(env).handleRequest(ApiGatewayEvents
                .route("PUT /api/payments/invoices/{id}/pay").path("/api/payments/invoices/" + orderId + "/pay")
                .caller(CUSTOMER, "mallbots/customer").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, AttributeValue> item = testbed.invoiceItem(orderId);
        assertThat(item.get("outbox").m()).hasSize(1);
        assertThat(item.get("outboxPending").s()).isEqualTo("1");

        new OutboxSweeperFunction(testbed.dynamo, testbed.table, new SchemaCheckingPublisher(testbed.bus), Duration.ZERO)
                .handleRequest(null, null);

        Message<?> paid = testbed.published().getLast();
        assertThat(paid.data()).isEqualTo(new InvoicePaid(orderId, orderId, Money.of("20.00")));
        assertThat(paid.metadata().aggregateVersion()).isEqualTo(2L);
        assertThat(testbed.invoiceItem(orderId).get("outbox").m()).isEmpty();
        assertThat(testbed.invoiceItem(orderId)).doesNotContainKey("outboxPending");
    }
}
