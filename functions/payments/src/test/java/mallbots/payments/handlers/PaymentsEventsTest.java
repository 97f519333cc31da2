package mallbots.payments.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mallbots.messages.cosec.ConfirmPaymentCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderReadied;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.payments.InvoiceCanceled;
import mallbots.messages.payments.InvoiceCreated;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.Outcome;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.InMemorySqs;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The saga's ConfirmPayment and the ordering events, sent through a real queue (ElasticMQ) into
 * the events function; replies and events are schema-checked as they are published.
 */
class PaymentsEventsTest {

    private static final MessageCodec COSEC_CODEC = new MessageCodec(CosecMessages.ALL);
    private static final MessageCodec ORDERING_CODEC = new MessageCodec(OrderingMessages.ALL);
    private static final String CUSTOMER = "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03";

    private final PaymentsTestbed testbed = new PaymentsTestbed();
    private final PaymentsEventsFunction function = new PaymentsEventsFunction(testbed.module);
    private final SqsClient sqs = new InMemorySqs();
    private final String queue = SqsEvents.createQueue(sqs, "payments");

    // ---------------------------------------------------------------- ConfirmPayment

    @Test
    void aPaymentOfTheCustomerThatCoversTheAmountIsConfirmed() {
        String paymentId = payment(CUSTOMER, "20.00");
        Message<ConfirmPaymentCommand> command = confirm(paymentId, CUSTOMER, "20.00");

        SQSBatchResponse response = deliver(command);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Message<?> reply = onlyReply();
        assertThat(reply.type()).isEqualTo(PaymentsMessages.CONFIRM_PAYMENT_REPLY);
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reply.metadata().reason()).isNull();
        assertRepliesTo(reply, command);
    }

    @Test
    void anUnknownPaymentIsRefusedWithTheReason() {
        String paymentId = UUID.randomUUID().toString();
        Message<ConfirmPaymentCommand> command = confirm(paymentId, CUSTOMER, "1.00");

        deliver(command);

        assertRefused(command, "payment " + paymentId + " not found");
        assertThat(testbed.item("payment#" + paymentId)).isEmpty();
    }

    @Test
    void anotherCustomersPaymentIsRefusedWithTheReason() {
        String paymentId = payment(CUSTOMER, "20.00");
        Message<ConfirmPaymentCommand> command = confirm(paymentId, UUID.randomUUID().toString(), "5.00");

        deliver(command);

        assertRefused(command, "payment " + paymentId + " belongs to another customer");
    }

    @Test
    void aPaymentTooSmallForTheAmountIsRefusedWithTheReason() {
        String paymentId = payment(CUSTOMER, "20.00");
        Message<ConfirmPaymentCommand> command = confirm(paymentId, CUSTOMER, "20.01");

        deliver(command);

        assertRefused(command, "payment " + paymentId + " of 20.00 does not cover 20.01");
    }

    @Test
    void theSameCommandTwiceGetsTheSameReplyAndChangesNothingTheSecondTime() {
        String paymentId = payment(CUSTOMER, "20.00");
        Message<ConfirmPaymentCommand> command = confirm(paymentId, CUSTOMER, "20.00");
        String body = EventBridgeEvents.of(command, COSEC_CODEC);
        SqsEvents.send(sqs, queue, body);
        SQSEvent firstDelivery = SqsEvents.receive(sqs, queue, 1);
        assertThat(function.handleRequest(firstDelivery, null).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        // SQS delivers it again (the visibility timeout ran out), and EventBridge sent it twice
        SqsEvents.release(sqs, queue, firstDelivery);
        SqsEvents.send(sqs, queue, body);
        SQSEvent redeliveries = SqsEvents.receive(sqs, queue, 2);
        assertThat(redeliveries.getRecords()).extracting(SQSEvent.SQSMessage::getBody).containsOnly(body);
        assertThat(function.handleRequest(redeliveries, null).getBatchItemFailures()).isEmpty();

        List<OutboundEvent> replies = replies();
        assertThat(replies).hasSize(3).allSatisfy(reply -> assertThat(reply).isEqualTo(replies.getFirst()));
        assertThat(PaymentsTestbed.decode(replies.getFirst()).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        assertThat(testbed.item("command#key#ConfirmPayment of saga " + command.metadata().sagaId())).isPresent();
    }

    @Test
    void aSecondConfirmPaymentOfTheSameSagaUnderANewMessageIdGetsTheFirstConfirmation() {
        String paymentId = payment(CUSTOMER, "20.00");
        Message<ConfirmPaymentCommand> command = confirm(paymentId, CUSTOMER, "20.00");
        deliver(command);
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        // the same saga asks again under a new message id (and for more than the payment covers)
        Message<ConfirmPaymentCommand> again = new Message<>(CosecMessages.CONFIRM_PAYMENT,
                command.metadata().withMessageId(UUID.randomUUID().toString()),
                new ConfirmPaymentCommand(paymentId, CUSTOMER, Money.of("25.00")));
        deliver(again);

        List<Message<?>> replies = testbed.published().stream()
                .filter(message -> message.type().equals(PaymentsMessages.CONFIRM_PAYMENT_REPLY)).toList();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(replies.get(0).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
    }

    @Test
    void aRepeatedCommandIsAnsweredAsFirstDecidedEvenIfTheAnswerWouldNowDiffer() {
        Message<ConfirmPaymentCommand> command = confirm(UUID.randomUUID().toString(), CUSTOMER, "1.00");
        deliver(command);

        // a new command of the saga is decided afresh; the first one keeps its answer
        String paymentId = payment(CUSTOMER, "5.00");
        deliver(command);
        Message<ConfirmPaymentCommand> another = confirm(paymentId, CUSTOMER, "1.00");
        deliver(another);

        List<Message<?>> replies = testbed.published().stream()
                .filter(message -> message.type().equals(PaymentsMessages.CONFIRM_PAYMENT_REPLY)).toList();
        assertThat(replies).extracting(reply -> reply.metadata().outcome())
                .containsExactly(Outcome.FAILURE, Outcome.FAILURE, Outcome.SUCCESS);
        assertThat(replies.get(0).messageId()).isEqualTo(replies.get(1).messageId());
        assertThat(replies.get(2).metadata().causationId()).isEqualTo(another.messageId());
    }

    // ---------------------------------------------------------------- OrderReadied

    @Test
    void aReadiedOrderGetsAPendingInvoiceUnderItsIdForItsTotal() {
        String orderId = UUID.randomUUID().toString();
        Message<OrderReadied> readied = readied(orderId, "31.98");

        SQSBatchResponse response = deliver(readied);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = testbed.invoiceItem(orderId);
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(PaymentsTestbed.json(item.get("state").s())).isEqualTo(PaymentsTestbed.json(
                "{\"id\":\"" + orderId + "\",\"orderId\":\"" + orderId + "\",\"amount\":\"31.98\",\"status\":\"pending\","
                        + "\"customerId\":\"" + readied.data().customerId() + "\"}"));
        assertThat(item.get("applied").l()).extracting(AttributeValue::s).containsExactly(readied.messageId());
        assertThat(item.get("outbox").m()).isEmpty();

        Message<?> created = onlyPublished();
        assertThat(created.type()).isEqualTo(PaymentsMessages.INVOICE_CREATED);
        assertThat(created.data()).isEqualTo(new InvoiceCreated(orderId, orderId, Money.of("31.98")));
        assertThat(created.metadata().aggregateId()).isEqualTo(orderId);
        assertThat(created.metadata().aggregateVersion()).isEqualTo(1L);
        assertThat(created.metadata().causationId()).isEqualTo(readied.messageId());
        assertThat(created.metadata().correlationId()).isEqualTo(readied.metadata().correlationId());
    }

    @Test
    void aRedeliveredOrderReadiedIssuesNothingMore() {
        String orderId = UUID.randomUUID().toString();
        Message<OrderReadied> readied = readied(orderId, "10.00");
        deliver(readied);
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        SQSBatchResponse again = deliver(readied, readied);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        assertThat(testbed.published()).hasSize(1);
    }

    @Test
    void anotherOrderReadiedForAnInvoicedOrderChangesNothing() {
        String orderId = UUID.randomUUID().toString();
        deliver(readied(orderId, "10.00"));
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        // not a copy: a second message about the same order, even with another total
        SQSBatchResponse response = deliver(readied(orderId, "99.00"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        assertThat(testbed.published()).hasSize(1);
    }

    // ---------------------------------------------------------------- OrderCanceled

    @Test
    void aCanceledOrdersPendingInvoiceIsCanceledAndAnnouncedWithTheItemsNewVersion() {
        String orderId = UUID.randomUUID().toString();
        deliver(readied(orderId, "12.34"));
        Message<OrderCanceled> canceled = canceled(orderId);

        SQSBatchResponse response = deliver(canceled);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = testbed.invoiceItem(orderId);
        assertThat(item.get("version").n()).isEqualTo("2");
        assertThat(item.get("state").s()).contains("\"status\":\"canceled\"");
        Message<?> event = testbed.published().getLast();
        assertThat(event.type()).isEqualTo(PaymentsMessages.INVOICE_CANCELED);
        assertThat(event.data()).isEqualTo(new InvoiceCanceled(orderId, orderId, Money.of("12.34")));
        assertThat(event.metadata().aggregateId()).isEqualTo(orderId);
        assertThat(event.metadata().aggregateVersion()).isEqualTo(2L);
        assertThat(event.metadata().causationId()).isEqualTo(canceled.messageId());
        assertThat(event.metadata().correlationId()).isEqualTo(canceled.metadata().correlationId());
        assertThat(testbed.module.getInvoice().get(orderId).status().label()).isEqualTo("canceled");
    }

    @Test
    void aRedeliveredOrderCanceledCancelsOnce() {
        String orderId = UUID.randomUUID().toString();
        deliver(readied(orderId, "12.34"));
        Message<OrderCanceled> canceled = canceled(orderId);
        deliver(canceled);
        List<Map<String, AttributeValue>> afterFirst = testbed.allItems();

        assertThat(deliver(canceled, canceled).getBatchItemFailures()).isEmpty();

        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        assertThat(testbed.published()).extracting(Message::detailType)
                .containsExactly("InvoiceCreated", "InvoiceCanceled");
    }

    @Test
    void aCanceledOrderWithoutAnInvoiceLeavesNothingBehind() {
        // the usual case: an order is canceled while pending or approved, before any invoice
        SQSBatchResponse response = deliver(canceled(UUID.randomUUID().toString()));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(testbed.allItems()).isEmpty();
        assertThat(testbed.bus.published()).isEmpty();
    }

    @Test
    void aPaidInvoiceStaysPaidWhenItsOrderIsCanceled() {
        String orderId = UUID.randomUUID().toString();
        deliver(readied(orderId, "8.00"));
        testbed.module.payInvoice().pay(Cause.request(), orderId);
        List<Map<String, AttributeValue>> paid = testbed.allItems();
        int publishedBefore = testbed.bus.published().size();

        SQSBatchResponse response = deliver(canceled(orderId));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(testbed.allItems()).isEqualTo(paid);
        assertThat(testbed.bus.published()).hasSize(publishedBefore);
    }

    @Test
    void anOrderCanceledAheadOfAnOrderReadiedIsNotRemembered() {
        // Ordering readies only an approved order and cancels only a pending or approved one, so a
        // readied order is never canceled and this pair never happens; if it did, the late
        // OrderReadied would still be invoiced (see the README's delivery assumptions).
        String orderId = UUID.randomUUID().toString();

        deliver(canceled(orderId));
        deliver(readied(orderId, "4.00"));

        assertThat(testbed.module.getInvoice().get(orderId).pending()).isTrue();
    }

    @Test
    void aPaymentRacingACancellationEndsEitherPaidOrCanceledAnnouncedOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String orderId = UUID.randomUUID().toString();
            deliver(readied(orderId, "9.00"));
            Message<OrderCanceled> canceled = canceled(orderId);

            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                Future<?> paying = threads.submit(() -> {
                    try {
                        testbed.module.payInvoice().pay(Cause.request(), orderId);
                    } catch (RuleViolation canceledFirst) {
                        // the cancellation won: the invoice is no longer pending
                    }
                });
                Future<?> canceling = threads.submit(() ->
                        testbed.module.cancelInvoice().cancel(Cause.of(canceled), orderId));
                paying.get();
                canceling.get();
            }

            String status = testbed.module.getInvoice().get(orderId).status().label();
            List<String> announced = testbed.published().stream()
                    .filter(message -> orderId.equals(message.metadata().aggregateId()))
                    .map(Message::detailType).toList();
            assertThat(announced).containsExactly("InvoiceCreated",
                    status.equals("paid") ? "InvoicePaid" : "InvoiceCanceled");
            assertThat(testbed.invoiceItem(orderId).get("version").n()).isEqualTo("2");
        }
    }

    // ---------------------------------------------------------------- poison

    @Test
    void onlyThePoisonRecordsOfABatchFail() {
        String orderId = UUID.randomUUID().toString();
        Message<OrderReadied> good = readied(orderId, "10.00");
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(good, ORDERING_CODEC));
        SqsEvents.send(sqs, queue, "{\"detail-type\": \"OrderReadied\", \"source\": ");
        // a type payments does not subscribe to
        Message<OrderCreated> foreign = OrderingMessages.ORDER_CREATED.create(new OrderCreated(orderId, CUSTOMER,
                UUID.randomUUID().toString(), List.of(new OrderCreated.Item(UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "Corner Store", "Tea", Money.of("5.00"), 2)), Money.of("10.00")))
                .withMetadata(metadata -> metadata.withAggregate(orderId, 1));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(foreign, ORDERING_CODEC));
        // a command without the saga's reply address cannot be answered
        Message<ConfirmPaymentCommand> noSaga = CosecMessages.CONFIRM_PAYMENT.create(
                new ConfirmPaymentCommand(UUID.randomUUID().toString(), CUSTOMER, Money.of("1.00")));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(noSaga, COSEC_CODEC));
        SQSEvent batch = SqsEvents.receive(sqs, queue, 4);

        SQSBatchResponse response = function.handleRequest(batch, null);

        String goodSqsId = batch.getRecords().stream()
                .filter(record -> record.getBody().contains(good.messageId())).findFirst().orElseThrow().getMessageId();
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrderElementsOf(batch.getRecords().stream()
                        .map(SQSEvent.SQSMessage::getMessageId).filter(id -> !id.equals(goodSqsId)).toList());
        assertThat(testbed.module.getInvoice().get(orderId).pending()).isTrue();
        assertThat(testbed.published()).extracting(Message::detailType).containsExactly("InvoiceCreated");
        assertThat(testbed.item("command#" + noSaga.messageId())).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private String payment(String customerId, String amount) {
        return testbed.module.authorizePayment().authorize(customerId, Money.of(amount)).id();
    }

    private static Message<ConfirmPaymentCommand> confirm(String paymentId, String customerId, String amount) {
        Metadata metadata = Metadata.first().withSaga(UUID.randomUUID().toString(), "CreateOrderSaga", "mallbots.cosec");
        return new Message<>(CosecMessages.CONFIRM_PAYMENT, metadata,
                new ConfirmPaymentCommand(paymentId, customerId, Money.of(amount)));
    }

    private static Message<OrderReadied> readied(String orderId, String total) {
        return OrderingMessages.ORDER_READIED.create(
                        new OrderReadied(orderId, CUSTOMER, UUID.randomUUID().toString(), Money.of(total)))
                .withMetadata(metadata -> metadata.withAggregate(orderId, 6));
    }

    private static Message<OrderCanceled> canceled(String orderId) {
        return OrderingMessages.ORDER_CANCELED.create(
                        new OrderCanceled(orderId, CUSTOMER, UUID.randomUUID().toString(), UUID.randomUUID().toString()))
                .withMetadata(metadata -> metadata.withAggregate(orderId, 5));
    }

    private SQSBatchResponse deliver(Message<?>... messages) {
        for (Message<?> message : messages) {
            MessageCodec codec = message.source().equals(CosecMessages.SOURCE) ? COSEC_CODEC : ORDERING_CODEC;
            SqsEvents.send(sqs, queue, EventBridgeEvents.of(message, codec));
        }
        return function.handleRequest(SqsEvents.receive(sqs, queue, messages.length), null);
    }

    private List<OutboundEvent> replies() {
        return testbed.bus.published().stream()
                .filter(event -> event.detailType().equals("ConfirmPaymentReply")).toList();
    }

    private Message<?> onlyReply() {
        List<Message<?>> replies = testbed.published().stream()
                .filter(message -> message.type().equals(PaymentsMessages.CONFIRM_PAYMENT_REPLY)).toList();
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private Message<?> onlyPublished() {
        List<Message<?>> published = testbed.published();
        assertThat(published).hasSize(1);
        return published.getFirst();
    }

    private void assertRefused(Message<ConfirmPaymentCommand> command, String reason) {
        Message<?> reply = onlyReply();
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo(reason);
        assertRepliesTo(reply, command);
        // a refusal changes nothing but the record of the answer
        assertThat(testbed.allItems()).extracting(item -> item.get("pk").s())
                .filteredOn(key -> !key.startsWith("payment#"))
                .containsExactly("command#key#ConfirmPayment of saga " + command.metadata().sagaId());
    }

    private static void assertRepliesTo(Message<?> reply, Message<ConfirmPaymentCommand> command) {
        Metadata metadata = reply.metadata();
        assertThat(reply.source()).isEqualTo("mallbots.payments");
        assertThat(reply.detailType()).isEqualTo("ConfirmPaymentReply");
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        assertThat(metadata.sagaId()).isEqualTo(command.metadata().sagaId());
        assertThat(metadata.sagaName()).isEqualTo("CreateOrderSaga");
        assertThat(metadata.replyTo()).isEqualTo("mallbots.cosec");
        assertThat(metadata.messageId()).isNotEqualTo(command.messageId());
        assertThat(metadata.aggregateId()).isNull();
    }
}
