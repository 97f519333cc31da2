package mallbots.payments.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.ordering.OrderReadied;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.payments.InvoiceCreated;
import mallbots.payments.PaymentsModule;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.outbox.OutboxSweeperFunction;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.saga.SagaReplies;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.InMemorySqs;
import mallbots.platform.testing.SchemaCheckingPublisher;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A function that dies between its write and the publication: the change and its message stay
 * together, the redelivered message does not change anything twice, and the message goes out
 * (by the sweeper, or with the stored reply) exactly as it was written.
 */
class CrashRecoveryTest {

    private static final String CUSTOMER = "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03";

    private final PaymentsTestbed testbed = new PaymentsTestbed();
    private final PaymentsEventsFunction crashing = new PaymentsEventsFunction(PaymentsModule.create(
            testbed.dynamo, testbed.table, new SchemaCheckingPublisher(RecordingPublisher.crashing())));
    private final PaymentsEventsFunction healthy = new PaymentsEventsFunction(testbed.module);
    private final SqsClient sqs = new InMemorySqs();
    private final String queue = SqsEvents.createQueue(sqs, "payments-crash");

    @Test
    void anInvoiceWrittenBeforeACrashIsAnnouncedByTheSweeperAndNotIssuedAgain() {
        String orderId = UUID.randomUUID().toString();
        Message<OrderReadied> readied = OrderingMessages.ORDER_READIED.create(
                        new OrderReadied(orderId, CUSTOMER, UUID.randomUUID().toString(), Money.of("42.00")))
                .withMetadata(metadata -> metadata.withAggregate(orderId, 6));
        SQSEvent delivery = send(EventBridgeEvents.of(readied, new MessageCodec(OrderingMessages.ALL)));

        assertThatThrownBy(() -> crashing.handleRequest(delivery, null)).isInstanceOf(RecordingPublisher.SimulatedCrash.class);
        assertThat(testbed.invoiceItem(orderId).get("outboxPending").s()).isEqualTo("1");

        // SQS delivers it again after the visibility timeout
        SqsEvents.release(sqs, queue, delivery);
        assertThat(healthy.handleRequest(SqsEvents.receive(sqs, queue, 1), null).getBatchItemFailures()).isEmpty();
        assertThat(testbed.bus.published()).isEmpty();
        assertThat(testbed.invoiceItem(orderId).get("version").n()).isEqualTo("1");

        new OutboxSweeperFunction(testbed.dynamo, testbed.table, new SchemaCheckingPublisher(testbed.bus), Duration.ZERO)
                .handleRequest(null, null);

        List<Message<?>> published = testbed.published();
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().data()).isEqualTo(new InvoiceCreated(orderId, orderId, Money.of("42.00")));
        assertThat(published.getFirst().metadata().causationId()).isEqualTo(readied.messageId());
        assertThat(published.getFirst().metadata().aggregateVersion()).isEqualTo(1L);
        assertThat(testbed.invoiceItem(orderId)).doesNotContainKey("outboxPending");
    }

    @Test
    void aReplyWrittenBeforeACrashIsTheOneTheRedeliveredCommandGets() {
        String paymentId = testbed.module.authorizePayment().authorize(CUSTOMER, Money.of("10.00")).id();
        Metadata saga = Metadata.first().withSaga(UUID.randomUUID().toString(), "CreateOrderSaga", "mallbots.cosec");
        Message<ConfirmPaymentCommand> command = new Message<>(CosecMessages.CONFIRM_PAYMENT, saga,
                new ConfirmPaymentCommand(paymentId, CUSTOMER, Money.of("10.00")));
        SQSEvent delivery = send(EventBridgeEvents.of(command, new MessageCodec(CosecMessages.ALL)));

        assertThatThrownBy(() -> crashing.handleRequest(delivery, null)).isInstanceOf(RecordingPublisher.SimulatedCrash.class);

        SqsEvents.release(sqs, queue, delivery);
        assertThat(healthy.handleRequest(SqsEvents.receive(sqs, queue, 1), null).getBatchItemFailures()).isEmpty();

        List<Message<?>> published = testbed.published();
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().messageId()).isEqualTo(SagaReplies.replyId(command));
        assertThat(published.getFirst().metadata().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    private SQSEvent send(String body) {
        SqsEvents.send(sqs, queue, body);
        return SqsEvents.receive(sqs, queue, 1);
    }
}
