package mallbots.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.testing.EventBridgeEvents;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.SqsEvents;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The functions' logs through the real path: an events function fed an SQS event received from
 * ElasticMQ, its handler logging through SLF4J, log4j2's Lambda appender writing to standard
 * output (where Lambda's runtime, and the local cloud, read it). Every line must be one JSON
 * object carrying the function, the request id and the handled message's ids.
 */
class JsonLogsTest {

    public record Noted(String text) {
    }

    private static final Logger log = LoggerFactory.getLogger(JsonLogsTest.class);
    private static final MessageType<Noted> NOTED = MessageType.of("mallbots.tests", "Noted", Noted.class);
    private static final MessageCodec CODEC = new MessageCodec(MessageTypes.of(NOTED));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs = LocalAws.sqs();
    private final String queue = SqsEvents.createQueue(sqs, "logs");
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    private final SqsEventsFunction function = new SqsEventsFunction(new SqsMessageConsumer(CODEC,
            MessageHandlers.builder().on(NOTED, message -> {
                log.info("noting {}", message.data().text());
                if (message.data().text().equals("poison")) {
                    throw new IllegalStateException("cannot note poison");
                }
            }).build())) {
    };

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
    }

    private final List<JsonNode> metrics = new ArrayList<>();

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line); // fails the test if a line is not JSON
                if (json.has("_aws")) {
                    metrics.add(json); // a metric in CloudWatch's embedded format, not a log line
                } else {
                    lines.add(json);
                }
            }
        }
        return lines;
    }

    @Test
    void every_line_of_a_messages_handling_is_json_with_the_function_the_request_and_the_messages_ids()
            throws Exception {
        Message<Noted> good = NOTED.create(new Noted("good")).withMetadata(m -> m.withAggregate("note-1", 3));
        Message<Noted> poison = NOTED.create(new Noted("poison"));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(good, CODEC));
        SqsEvents.send(sqs, queue, EventBridgeEvents.of(poison, CODEC));
        SQSEvent event = SqsEvents.receive(sqs, queue, 2);

        function.handleRequest(event, new TestContext("NotesEvents", "req-42"));

        List<JsonNode> lines = lines();
        assertThat(lines).isNotEmpty();
        for (JsonNode line : lines) {
            assertThat(line.path("timestamp").asText()).isNotBlank();
            assertThat(line.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(line.path("function").asText()).isEqualTo("NotesEvents");
            assertThat(line.path("AWSRequestId").asText()).isEqualTo("req-42");
        }
        JsonNode noteGood = lines.stream().filter(l -> l.path("message").asText().equals("noting good"))
                .findFirst().orElseThrow();
        assertThat(noteGood.path("messageId").asText()).isEqualTo(good.messageId());
        assertThat(noteGood.path("correlationId").asText()).isEqualTo(good.metadata().correlationId());
        assertThat(noteGood.path("causationId").asText()).isEqualTo(good.metadata().causationId());
        assertThat(noteGood.path("aggregateId").asText()).isEqualTo("note-1");
        assertThat(noteGood.path("detailType").asText()).isEqualTo("Noted");
        assertThat(noteGood.path("sqsMessageId").asText()).isNotBlank();
        // the failure's line belongs to the poison message, with the exception in Lambda's error fields
        JsonNode failed = lines.stream().filter(l -> l.path("message").asText().startsWith("SQS record failed"))
                .findFirst().orElseThrow();
        assertThat(failed.path("level").asText()).isEqualTo("WARN");
        assertThat(failed.path("messageId").asText()).isEqualTo(poison.messageId());
        assertThat(failed.path("correlationId").asText()).isEqualTo(poison.metadata().correlationId());
        assertThat(failed.path("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.path("errorMessage").asText()).isEqualTo("cannot note poison");
        // the batch's summary is the invocation's, not a message's
        JsonNode summary = lines.stream().filter(l -> l.path("message").asText().startsWith("SQS batch"))
                .findFirst().orElseThrow();
        assertThat(summary.has("messageId")).isFalse();
        // the failure is counted for its queue
        assertThat(metrics).singleElement().satisfies(metric -> {
            assertThat(metric.path("MessagesFailed").asDouble()).isEqualTo(1.0);
            assertThat(metric.path("service").asText()).isEqualTo("NotesEvents");
        });
        // nothing is left for the next invocation on this thread
        assertThat(ThreadContext.getImmutableContext()).isEmpty();
    }

    private record TestContext(String functionName, String requestId) implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
