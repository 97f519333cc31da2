package mallbots.customers.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.customers.domain.Customer;
import mallbots.messages.cosec.AuthorizeCustomerCommand;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.customers.CustomersMessages;
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

/** The saga's AuthorizeCustomer, sent through a real queue (ElasticMQ) into the events function. */
class CustomersEventsTest {

    private static final MessageCodec COSEC_CODEC = new MessageCodec(CosecMessages.ALL);

    private final CustomersTestbed testbed = new CustomersTestbed();
    private final CustomersEventsFunction function = new CustomersEventsFunction(testbed.module);
    private final SqsClient sqs = new InMemorySqs();
    private final String queue = SqsEvents.createQueue(sqs, "customers");

    @Test
    void anEnabledCustomerIsAuthorized() {
        String customerId = registered(true);
        Message<AuthorizeCustomerCommand> command = authorize(customerId);

        SQSBatchResponse response = deliver(List.of(command));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Message<?> reply = onlyReply();
        assertThat(reply.type()).isEqualTo(CustomersMessages.AUTHORIZE_CUSTOMER_REPLY);
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reply.metadata().reason()).isNull();
        assertRepliesTo(reply, command);
    }

    @Test
    void aDisabledCustomerIsRefusedWithTheReason() {
        String customerId = registered(false);
        Message<AuthorizeCustomerCommand> command = authorize(customerId);

        deliver(List.of(command));

        Message<?> reply = onlyReply();
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo("customer " + customerId + " is disabled");
        assertRepliesTo(reply, command);
    }

    @Test
    void anUnknownCustomerIsRefusedWithTheReason() {
        String customerId = UUID.randomUUID().toString();
        Message<AuthorizeCustomerCommand> command = authorize(customerId);

        deliver(List.of(command));

        Message<?> reply = onlyReply();
        assertThat(reply.metadata().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(reply.metadata().reason()).isEqualTo("customer " + customerId + " not found");
        assertRepliesTo(reply, command);
        assertThat(testbed.item("customer#" + customerId)).isEmpty();
    }

    @Test
    void theSameCommandTwiceGetsTheSameReplyAndChangesNothingTheSecondTime() {
        String customerId = registered(true);
        Message<AuthorizeCustomerCommand> command = authorize(customerId);
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
        assertThat(replies).hasSize(3);
        assertThat(replies).allSatisfy(reply -> assertThat(reply).isEqualTo(replies.getFirst()));
        assertThat(CustomersTestbed.decode(replies.getFirst()).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(testbed.allItems()).isEqualTo(afterFirst);
        Map<String, AttributeValue> answered = testbed.item("command#" + command.messageId()).orElseThrow();
        assertThat(answered.get("version").n()).isEqualTo("1");
        assertThat(testbed.customerItem(customerId).get("version").n()).isEqualTo("1");
    }

    @Test
    void aRedeliveredCommandIsAnsweredAsTheFirstTimeEvenIfTheCustomerChangedSince() {
        String customerId = registered(true);
        Message<AuthorizeCustomerCommand> command = authorize(customerId);
        deliver(List.of(command));
        testbed.module.disable().disable(customerId);

        deliver(List.of(command));

        List<OutboundEvent> replies = replies();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(CustomersTestbed.decode(replies.get(1)).metadata().outcome()).isEqualTo(Outcome.SUCCESS);
        // a new command of the saga is decided afresh
        deliver(List.of(authorize(customerId)));
        assertThat(CustomersTestbed.decode(testbed.bus.published().getLast()).metadata().outcome())
                .isEqualTo(Outcome.FAILURE);
    }

    @Test
    void onlyThePoisonRecordsOfABatchFail() {
        String customerId = registered(true);
        Message<AuthorizeCustomerCommand> good = authorize(customerId);
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(good, COSEC_CODEC));
        SqsEvents.send(sqs, queue, "{\"detail-type\": \"AuthorizeCustomer\", \"source\": ");
        Message<?> foreign = CustomersMessages.CUSTOMER_ENABLED.create(
                new mallbots.messages.customers.CustomerEnabled(customerId))
                .withMetadata(metadata -> metadata.withAggregate(customerId, 2));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(foreign, CustomersTestbed.CUSTOMERS_CODEC));
        Message<AuthorizeCustomerCommand> noSaga = CosecMessages.AUTHORIZE_CUSTOMER.create(new AuthorizeCustomerCommand(customerId));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(noSaga, COSEC_CODEC));
        SQSEvent batch = SqsEvents.receive(sqs, queue, 4);

        SQSBatchResponse response = function.handleRequest(batch, null);

        String goodSqsId = batch.getRecords().stream()
                .filter(record -> record.getBody().contains(good.messageId())).findFirst().orElseThrow().getMessageId();
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .hasSize(3).doesNotContain(goodSqsId)
                .containsExactlyInAnyOrderElementsOf(batch.getRecords().stream()
                        .map(SQSEvent.SQSMessage::getMessageId).filter(id -> !id.equals(goodSqsId)).toList());
        Message<?> reply = onlyReply();
        assertRepliesTo(reply, good);
        assertThat(testbed.item("command#" + noSaga.messageId())).isEmpty();
    }

    private String registered(boolean enabled) {
        Customer customer = testbed.module.register().register(java.util.UUID.randomUUID().toString(), "Ada", "+15550100001");
        if (!enabled) {
            testbed.module.disable().disable(customer.id());
        }
        return customer.id();
    }

    private Message<AuthorizeCustomerCommand> authorize(String customerId) {
        Metadata metadata = Metadata.first().withSaga(UUID.randomUUID().toString(), "CreateOrderSaga", "mallbots.cosec");
        return new Message<>(CosecMessages.AUTHORIZE_CUSTOMER, metadata, new AuthorizeCustomerCommand(customerId));
    }

    private SQSBatchResponse deliver(List<Message<AuthorizeCustomerCommand>> commands) {
        commands.forEach(command -> SqsEvents.send(sqs, queue, EventBridgeEvents.of(command, COSEC_CODEC)));
        return function.handleRequest(SqsEvents.receive(sqs, queue, commands.size()), null);
    }

    private List<OutboundEvent> replies() {
        return testbed.bus.published().stream()
                .filter(event -> event.detailType().equals("AuthorizeCustomerReply")).toList();
    }

    private Message<?> onlyReply() {
        List<Message<?>> replies = testbed.published().stream()
                .filter(message -> message.type().equals(CustomersMessages.AUTHORIZE_CUSTOMER_REPLY)).toList();
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private static void assertRepliesTo(Message<?> reply, Message<AuthorizeCustomerCommand> command) {
        Metadata metadata = reply.metadata();
        assertThat(reply.source()).isEqualTo("mallbots.customers");
        assertThat(reply.detailType()).isEqualTo("AuthorizeCustomerReply");
        assertThat(metadata.causationId()).isEqualTo(command.messageId());
        assertThat(metadata.correlationId()).isEqualTo(command.metadata().correlationId());
        assertThat(metadata.sagaId()).isEqualTo(command.metadata().sagaId());
        assertThat(metadata.sagaName()).isEqualTo("CreateOrderSaga");
        assertThat(metadata.replyTo()).isEqualTo("mallbots.cosec");
        assertThat(metadata.messageId()).isNotEqualTo(command.messageId());
        assertThat(metadata.aggregateId()).isNull();
    }
}
