package mallbots.bench.jmh;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.consumer.BatchResult;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.consumer.SqsMessageConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU a warm function spends on one queued message before its own I/O, beside a bare Jackson
 * parse of the same bytes: the message is the OrderCreated example of events-schema, as an SQS
 * record body (an EventBridge event), the busiest message of an order (cosec, search and
 * notifications each receive it).
 *
 * <ul>
 *   <li>{@code bareJacksonParse}: {@code ObjectMapper.readTree} of the record body, the floor;
 *   <li>{@code consumerDecodeAndDispatch}: the platform's {@link SqsMessageConsumer} on an
 *       {@link SQSEvent} of that record: strict decoding into the typed message and the handler's
 *       call (the handler only hands the payload to a Blackhole);
 *   <li>{@code runtimeEventToConsumer}: the same from the raw SQS event bytes, read into
 *       {@link SQSEvent} by the Lambda runtime's own serializer first, as a function is invoked.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class WarmMessagePathBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private byte[] body;
    private String bodyText;
    private byte[] sqsEventBytes;
    private SQSEvent sqsEvent;
    private SqsMessageConsumer consumer;
    private PojoSerializer<SQSEvent> runtimeSerializer;
    private Blackhole sink;

    @Setup
    public void setUp(Blackhole blackhole) throws IOException {
        sink = blackhole;
        bodyText = exampleEvent("ordering/OrderCreated.json");
        body = bodyText.getBytes(StandardCharsets.UTF_8);
        sqsEventBytes = sqsEvent(bodyText).getBytes(StandardCharsets.UTF_8);
        runtimeSerializer = LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());
        sqsEvent = runtimeSerializer.fromJson(new ByteArrayInputStream(sqsEventBytes));
        consumer = SqsMessageConsumer.of(MessageHandlers.builder()
                .on(OrderingMessages.ORDER_CREATED, message -> sink.consume(message.data()))
                .build());
        BatchResult check = consumer.process(sqsEvent);
        if (!check.failures().isEmpty()) {
            throw new IllegalStateException("the example does not decode: " + check.failures());
        }
    }

    @Benchmark
    public Object bareJacksonParse() throws IOException {
        return JSON.readTree(body);
    }

    @Benchmark
    public BatchResult consumerDecodeAndDispatch() {
        return consumer.process(sqsEvent);
    }

    @Benchmark
    public BatchResult runtimeEventToConsumer() {
        return consumer.process(runtimeSerializer.fromJson(new ByteArrayInputStream(sqsEventBytes)));
    }

    /** An example message of events-schema, compact, as EventBridge puts it on a queue. */
    static String exampleEvent(String path) {
        try (InputStream in = WarmMessagePathBenchmark.class.getResourceAsStream("/examples/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no example " + path + " on the classpath (events-schema)");
            }
            return JSON.readTree(in).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SQS event of one record with that body, as the event source mapping invokes a function. */
    static String sqsEvent(String body) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("messageId", "5b2f7c1e-9d4a-4f3b-8e21-6c0d9a7b1e42");
        record.put("receiptHandle", "AQEB-benchmark");
        record.put("body", body);
        ObjectNode attributes = record.putObject("attributes");
        attributes.put("ApproximateReceiveCount", "1");
        attributes.put("SentTimestamp", "1764236600211");
        record.putObject("messageAttributes");
        record.put("md5OfBody", "0");
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:mallbots-cosec");
        record.put("awsRegion", "us-east-1");
        return event.toString();
    }
}
