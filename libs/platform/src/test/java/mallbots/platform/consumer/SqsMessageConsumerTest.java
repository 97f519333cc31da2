package mallbots.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mallbots.platform.json.Json;
import mallbots.platform.logging.LogContext;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

public class SqsMessageConsumerTest {

    public record Noted(String text) {
    }

    public record Ignored(String why) {
    }

    private static final MessageType<Noted> NOTED = MessageType.of("mallbots.tests", "Noted", Noted.class);
    private static final MessageType<Ignored> IGNORED = MessageType.of("mallbots.tests", "Ignored", Ignored.class);
    private static final MessageCodec CODEC = new MessageCodec(MessageTypes.of(NOTED, IGNORED));

    private final SqsClient sqs = LocalAws.sqs();
    private final String queue = SqsEvents.createQueue(sqs, "consumer");
    private final List<Message<Noted>> handled = new CopyOnWriteArrayList<>();
    private final SqsMessageConsumer consumer = new SqsMessageConsumer(CODEC, MessageHandlers.builder()
            .on(NOTED, message -> {
                if (message.data().text().equals("poison")) {
                    throw new IllegalStateException("cannot note poison");
                }
                handled.add(message);
            })
            .build());

    private Message<Noted> sendNoted(String text) {
        Message<Noted> message = NOTED.create(new Noted(text));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(message, CODEC));
        return message;
    }

    private static String sqsIdOf(SQSEvent event, String text) {
        return event.getRecords().stream().filter(r -> r.getBody().contains("\"" + text + "\""))
                .findFirst().orElseThrow().getMessageId();
    }

    @Test
    void a_message_without_a_trace_header_takes_the_one_sqs_delivered_it_with() {
        String delivered = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
        String own = "Root=1-67891233-abcdef012345678912345678;Sampled=1";
        List<String> traces = new CopyOnWriteArrayList<>();
        SqsMessageConsumer tracing = new SqsMessageConsumer(CODEC, MessageHandlers.builder()
                .on(NOTED, message -> traces.add(message.data().text() + " "
                        + Metadata.causedBy(message.metadata()).traceHeader()))
                .build());
        Message<Noted> traced;
        try (LogContext.Scope scope = LogContext.trace(own)) {
            traced = NOTED.create(new Noted("traced"));
        }
        for (Message<Noted> message : List.of(NOTED.create(new Noted("untraced")), traced)) {
            // what EventBridge does with PutEvents' TraceHeader for an SQS target
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody(EventBridgeEvents.of(message, CODEC))
                    .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                            MessageSystemAttributeValue.builder().dataType("String").stringValue(delivered).build())));
        }

        assertThat(tracing.process(SqsEvents.receive(sqs, queue, 2)).failures()).isEmpty();

        // what the handler sends carries it on; a message's own header wins
        assertThat(traces).containsExactlyInAnyOrder("untraced " + delivered, "traced " + own);
        assertThat(LogContext.traceHeader()).isNull();
    }

    @Test
    void a_poison_record_amid_good_ones_is_the_only_one_reported() {
        Message<Noted> first = sendNoted("first");
        Message<Noted> poison = sendNoted("poison");
        Message<Noted> second = sendNoted("second");
        Message<Noted> third = sendNoted("third");
        SQSEvent event = SqsEvents.receive(sqs, queue, 4);

        SQSBatchResponse response = consumer.handle(event);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sqsIdOf(event, "poison"));
        assertThat(handled).extracting(Message::messageId)
                .containsExactlyInAnyOrder(first.messageId(), second.messageId(), third.messageId());
        assertThat(handled).extracting(m -> m.data().text()).doesNotContain("poison");
        BatchResult result = consumer.process(event);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.messageId()).isEqualTo(poison.messageId());
            assertThat(failure.detailType()).isEqualTo("Noted");
            assertThat(failure.receiveCount()).isEqualTo(1);
            assertThat(failure.reason()).isEqualTo("handler failed: IllegalStateException: cannot note poison");
        });
    }

    @Test
    void undecodable_records_fail_each_with_a_reason_naming_the_field() {
        Message<Noted> good = sendNoted("good");
        ObjectNode missingText = Json.mapper().createObjectNode();
        missingText.set("metadata", Json.mapper().valueToTree(NOTED.create(new Noted("x")).metadata()));
        missingText.putObject("data");
        String missingMessageId = missingText.path("metadata").path("messageId").asText();
        SqsEvents.send(sqs, queue, EventBridgeEvents.of("mallbots.tests", "Noted", missingText));
        ObjectNode wrongType = missingText.deepCopy();
        ((ObjectNode) wrongType.path("data")).put("text", 42);
        SqsEvents.send(sqs, queue, EventBridgeEvents.of("mallbots.tests", "Noted", wrongType));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of("mallbots.tests", "Mystery", missingText));
        SqsEvents.send(sqs, queue, "{\"detail-type\": \"Noted\", \"source\": ");
        SQSEvent event = SqsEvents.receive(sqs, queue, 5);

        BatchResult result = consumer.process(event);

        assertThat(result.handled()).isEqualTo(1);
        assertThat(handled).extracting(Message::messageId).containsExactly(good.messageId());
        assertThat(result.failures()).extracting(RecordFailure::reason).hasSize(4)
                .contains("detail.data.text: is required", "detail-type: unknown message type Mystery")
                .anySatisfy(reason -> assertThat(reason).startsWith("detail.data.text: Cannot coerce Integer"))
                .anySatisfy(reason -> assertThat(reason).startsWith("event: not JSON: Unexpected end-of-input"));
        assertThat(result.failures()).filteredOn(f -> f.reason().startsWith("detail.data.text: is required"))
                .singleElement().satisfies(failure -> {
                    assertThat(failure.messageId()).isEqualTo(missingMessageId);
                    assertThat(failure.detailType()).isEqualTo("Noted");
                });
        assertThat(result.failures()).filteredOn(f -> f.reason().startsWith("event: not JSON"))
                .singleElement().satisfies(failure -> assertThat(failure.messageId()).isNull());
        assertThat(result.toResponse().getBatchItemFailures()).hasSize(4)
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .doesNotContain(sqsIdOf(event, "good"));
    }

    @Test
    void a_type_the_codec_knows_but_this_consumer_does_not_handle_fails_its_record() {
        Message<Ignored> ignored = IGNORED.create(new Ignored("nobody listens"));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(ignored, CODEC));
        SQSEvent event = SqsEvents.receive(sqs, queue, 1);

        BatchResult result = consumer.process(event);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.sqsMessageId()).isEqualTo(event.getRecords().getFirst().getMessageId());
            assertThat(failure.messageId()).isEqualTo(ignored.messageId());
            assertThat(failure.reason()).isEqualTo("detail-type: no handler for Ignored in this consumer");
        });
    }

    @Test
    void a_consumer_made_from_its_handlers_decodes_only_what_it_handles() {
        SqsMessageConsumer own = SqsMessageConsumer.of(MessageHandlers.builder().on(NOTED, handled::add).build());
        Message<Noted> noted = sendNoted("kept");
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(IGNORED.create(new Ignored("not ours")), CODEC));
        SQSEvent event = SqsEvents.receive(sqs, queue, 2);

        BatchResult result = own.process(event);

        assertThat(handled).extracting(Message::messageId).containsExactly(noted.messageId());
        assertThat(result.failures()).singleElement().extracting(RecordFailure::reason)
                .isEqualTo("detail-type: unknown message type Ignored");
    }

    @Test
    void a_record_delivered_again_reports_its_receive_count() {
        sendNoted("poison");
        SqsEvents.release(sqs, queue, SqsEvents.receive(sqs, queue, 1));
        SqsEvents.release(sqs, queue, SqsEvents.receive(sqs, queue, 1));
        SQSEvent third = SqsEvents.receive(sqs, queue, 1);

        BatchResult result = consumer.process(third);

        assertThat(result.failures()).singleElement().extracting(RecordFailure::receiveCount).isEqualTo(3);
    }

    @Test
    void an_empty_batch_fails_nothing() {
        assertThat(consumer.handle(new SQSEvent()).getBatchItemFailures()).isEmpty();
    }

    @Test
    void a_handler_for_a_type_the_codec_does_not_decode_is_refused_at_start() {
        MessageType<Noted> foreign = MessageType.of("mallbots.elsewhere", "Foreign", Noted.class);

        assertThatThrownBy(() -> new SqsMessageConsumer(CODEC, MessageHandlers.builder().on(foreign, m -> { }).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Foreign");
    }

    @Test
    void an_events_function_is_a_tiny_subclass_with_the_constructor_seam() {
        class NotesEvents extends SqsEventsFunction {
            NotesEvents() {
                super(consumer);
            }
        }
        sendNoted("via the function");
        SQSEvent event = SqsEvents.receive(sqs, queue, 1);

        SQSBatchResponse response = new NotesEvents().handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(handled).extracting(m -> m.data().text()).containsExactly("via the function");
    }
}
