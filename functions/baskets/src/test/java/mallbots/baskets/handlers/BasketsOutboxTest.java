package mallbots.baskets.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.baskets.BasketsModule;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.baskets.BasketsMessages;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.SchemaCheckingPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A crash between storing a checkout and publishing it loses nothing: the message waits in the
 * item's outbox and the sweeper (the BasketsOutboxSweeper function) publishes it.
 */
class BasketsOutboxTest {

    @Test
    void aCheckoutWhosePublicationCrashedIsPublishedByTheSweeper() {
        BasketsTestbed baskets = new BasketsTestbed();
        String apple = baskets.stockedProduct(UUID.randomUUID().toString(), "Corner Shop", "Apple", "1.50");
        String basket = baskets.startBasket();
        baskets.addItem(basket, apple, 2);
        BasketsApiFunction crashing = new BasketsApiFunction(BasketsModule.create(baskets.dynamo, baskets.tableName,
                new SchemaCheckingPublisher(RecordingPublisher.crashing())));
        String paymentId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> crashing.handleRequest(ApiGatewayEvents.route("PUT /api/baskets/{id}/checkout")
                .path("/api/baskets/" + basket + "/checkout")
                .caller(baskets.get(basket).json().get("customerId").asText(), "mallbots/customer").json("{\"paymentId\": \"" + paymentId + "\"}").build(),
                null)).isInstanceOf(RecordingPublisher.SimulatedCrash.class);

        // stored, not published
        assertThat(baskets.get(basket).json().get("status").asText()).isEqualTo("checked_out");
        Map<String, AttributeValue> checkout = baskets.historyOf(basket).getLast();
        assertThat(checkout.get("outbox").m()).hasSize(1);
        assertThat(checkout.get("outboxPending").s()).isEqualTo("1");
        assertThat(baskets.published(BasketsMessages.BASKET_CHECKED_OUT)).isEmpty();

        RecordingPublisher bus = RecordingPublisher.accepting();
        new OutboxSweeperFunction(baskets.dynamo, baskets.tableName, new SchemaCheckingPublisher(bus), Duration.ZERO)
                .handleRequest(null, null);

        List<OutboundEvent> swept = bus.published();
        assertThat(swept).hasSize(1);
        BasketCheckedOut data = (BasketCheckedOut) new MessageCodec(BasketsMessages.ALL)
                .decodeDetail(swept.getFirst().source(), swept.getFirst().detailType(), swept.getFirst().detail())
                .data();
        assertThat(data.basketId()).isEqualTo(basket);
        assertThat(data.paymentId()).isEqualTo(paymentId);
        assertThat(data.items()).singleElement().extracting(BasketCheckedOut.Item::quantity).isEqualTo(2);
        assertThat(baskets.historyOf(basket).getLast().get("outbox").m()).isEmpty();
    }
}
