package mallbots.platform.consumer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mallbots.platform.consumer.MessageHandlers.Registration;
import mallbots.platform.logging.LogContext;
import mallbots.platform.metrics.FunctionMetrics;
import mallbots.platform.messaging.DecodingException;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.Metadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a batch of SQS records, each an EventBridge event that a rule put on the queue: decodes
 * the body strictly, hands the message to the handler of its detail-type, and reports back only
 * the records that failed, so that SQS redelivers those and deletes the rest (the event source
 * mapping's ReportBatchItemFailures). One record's failure never stops the others.
 *
 * <p>A record fails when its body cannot be decoded, when its detail-type has no handler here, or
 * when the handler throws. Handlers must be idempotent: a failed record comes back, and so may a
 * handled one (SQS delivers at least once).
 */
public final class SqsMessageConsumer {

    private static final Logger log = LoggerFactory.getLogger(SqsMessageConsumer.class);
    private static final String RECEIVE_COUNT = "ApproximateReceiveCount";
    /** The X-Ray trace header SQS keeps with a message (EventBridge sets it from PutEvents' TraceHeader). */
    private static final String AWS_TRACE_HEADER = "AWSTraceHeader";
    private static final int MAX_RECEIVE_COUNT = maxReceiveCount();

    /** Lenient: only for naming an undecodable record in the logs. */
    private static final ObjectMapper PEEK = new ObjectMapper();

    private final MessageCodec codec;
    private final MessageHandlers handlers;

    public SqsMessageConsumer(MessageCodec codec, MessageHandlers handlers) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        for (Registration<?> registration : handlers.registrations()) {
            MessageType<?> known = codec.types().find(registration.type().detailType()).orElse(null);
            if (!registration.type().equals(known)) {
                throw new IllegalArgumentException("a handler for " + registration.type().detailType()
                        + " but the codec does not decode it as " + registration.type());
            }
        }
    }

    /** A consumer that decodes exactly the types it handles: any other detail-type fails its record. */
    public static SqsMessageConsumer of(MessageHandlers handlers) {
        return new SqsMessageConsumer(new MessageCodec(MessageTypes.of(handlers.types())), handlers);
    }

    /** The types this consumer handles; template.yaml's rules must route exactly these to its queue. */
    public java.util.List<MessageType<?>> types() {
        return handlers.types();
    }

    /** The Lambda entry: the batch response naming only the failed records. */
    public SQSBatchResponse handle(SQSEvent event) {
        return process(event).toResponse();
    }

    /** Handles every record and says which failed and why. */
    public BatchResult process(SQSEvent event) {
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<RecordFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage record : records) {
            handleRecord(record).ifPresent(failures::add);
        }
        int handled = records.size() - failures.size();
        if (!failures.isEmpty()) {
            log.warn("SQS batch: {} of {} records failed and will be delivered again", failures.size(), records.size());
        } else {
            log.debug("SQS batch: {} records handled", handled);
        }
        return new BatchResult(handled, failures);
    }

    /** An Error (out of memory ...) is not caught: the invocation fails and SQS delivers the whole batch again. */
    private Optional<RecordFailure> handleRecord(SQSEvent.SQSMessage record) {
        if (record.getMessageId() == null || record.getMessageId().isBlank()) {
            // Unreportable: failing the whole invocation makes SQS deliver the whole batch again.
            throw new IllegalStateException("an SQS record without a messageId");
        }
        Message<?> message;
        try {
            message = codec.decodeEvent(record.getBody());
        } catch (DecodingException e) {
            String messageId = peekMessageId(record);
            String detailType = peekDetailType(record);
            try (LogContext.Scope scope = LogContext.record(record.getMessageId(), messageId, detailType)) {
                return Optional.of(fail(record, messageId, detailType, e.getMessage(), null));
            }
        }
        // every line written while the message is handled carries its ids
        String deliveredTrace = attribute(record, AWS_TRACE_HEADER);
        try (LogContext.Scope scope = logContext(message, record.getMessageId(), deliveredTrace)) {
            return handleMessage(record, message);
        }
    }

    /**
     * The ids of a message while it is handled; the trace context is the metadata's, else the one its
     * delivery carried (the record's AWSTraceHeader, which EventBridge sets from PutEvents' TraceHeader).
     */
    private static LogContext.Scope logContext(Message<?> message, String sqsMessageId, String deliveredTrace) {
        Metadata metadata = message.metadata();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(LogContext.MESSAGE_ID, metadata.messageId());
        entries.put(LogContext.CORRELATION_ID, metadata.correlationId());
        entries.put(LogContext.CAUSATION_ID, metadata.causationId());
        entries.put(LogContext.DETAIL_TYPE, message.detailType());
        entries.put(LogContext.AGGREGATE_ID, metadata.aggregateId());
        entries.put(LogContext.SAGA_ID, metadata.sagaId());
        entries.put(LogContext.SQS_MESSAGE_ID, sqsMessageId);
        entries.put(LogContext.TRACE_HEADER, metadata.traceHeader() != null ? metadata.traceHeader()
                : deliveredTrace != null && deliveredTrace.startsWith("Root=") ? deliveredTrace : null);
        return LogContext.with(entries);
    }

    private Optional<RecordFailure> handleMessage(SQSEvent.SQSMessage record, Message<?> message) {
        Optional<Registration<?>> registration = handlers.find(message.detailType());
        if (registration.isEmpty()) {
            return Optional.of(fail(record, message.messageId(), message.detailType(),
                    "detail-type: no handler for " + message.detailType() + " in this consumer", null));
        }
        try {
            registration.get().deliver(message);
        } catch (RuntimeException e) {
            return Optional.of(fail(record, message.messageId(), message.detailType(),
                    "handler failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e));
        }
        log.debug("handled sqsMessageId={} messageId={} detailType={}",
                record.getMessageId(), message.messageId(), message.detailType());
        return Optional.empty();
    }

    private static RecordFailure fail(SQSEvent.SQSMessage record, String messageId, String detailType, String reason,
            Throwable error) {
        RecordFailure failure = new RecordFailure(record.getMessageId(), messageId, detailType, receiveCount(record),
                reason);
        String queue = queueName(record);
        FunctionMetrics.count("MessagesFailed", "queue", queue);
        if (MAX_RECEIVE_COUNT > 0 && failure.receiveCount() >= MAX_RECEIVE_COUNT) {
            // its last receive: SQS moves it to the queue's dead-letter queue instead of delivering it again
            FunctionMetrics.count("MessagesDeadLettered", "queue", queue);
        }
        if (error == null) {
            log.warn("SQS record failed: sqsMessageId={} messageId={} detailType={} receiveCount={} reason={}",
                    failure.sqsMessageId(), messageId, detailType, failure.receiveCount(), reason);
        } else {
            log.warn("SQS record failed: sqsMessageId={} messageId={} detailType={} receiveCount={} reason={}",
                    failure.sqsMessageId(), messageId, detailType, failure.receiveCount(), reason, error);
        }
        return failure;
    }

    private static String queueName(SQSEvent.SQSMessage record) {
        String arn = record.getEventSourceArn();
        return arn == null ? "unknown" : arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** The queues' redrive limit (the template's MaxReceiveCount, as MAX_RECEIVE_COUNT); 0 when not set. */
    private static int maxReceiveCount() {
        try {
            String value = System.getenv("MAX_RECEIVE_COUNT");
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String attribute(SQSEvent.SQSMessage record, String name) {
        Map<String, String> attributes = record.getAttributes();
        return attributes == null ? null : attributes.get(name);
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        String count = attribute(record, RECEIVE_COUNT);
        if (count == null) {
            return 0;
        }
        try {
            return Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String peekMessageId(SQSEvent.SQSMessage record) {
        return peek(record).map(body -> body.path("detail").path("metadata").path("messageId"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }

    private static String peekDetailType(SQSEvent.SQSMessage record) {
        return peek(record).map(body -> body.path("detail-type"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }

    private static Optional<JsonNode> peek(SQSEvent.SQSMessage record) {
        try {
            return record.getBody() == null ? Optional.empty() : Optional.ofNullable(PEEK.readTree(record.getBody()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
