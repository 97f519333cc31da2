package mallbots.platform.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import mallbots.platform.logging.LogContext;

/**
 * The metadata part of every message's detail. Integration events of an aggregate carry its id and
 * version; saga commands carry the saga's id, name and reply address; replies carry the saga's id
 * and name, the outcome and, for a failure, its reason. {@code traceHeader} carries the X-Ray trace
 * context (X-Amzn-Trace-Id format) of the HTTP request that started the flow, from message to
 * message, so that one order is one trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metadata(
        String messageId,
        String correlationId,
        String causationId,
        Instant occurredAt,
        int schemaVersion,
        @Nullable String aggregateId,
        @Nullable Long aggregateVersion,
        @Nullable String sagaId,
        @Nullable String sagaName,
        @Nullable String replyTo,
        @Nullable Outcome outcome,
        @Nullable String reason,
        @Nullable String traceHeader) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Metadata {
        requireText(messageId, "messageId");
        requireText(correlationId, "correlationId");
        requireText(causationId, "causationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
        if ((aggregateId == null) != (aggregateVersion == null)) {
            throw new IllegalArgumentException("aggregateId and aggregateVersion come together");
        }
        if (aggregateVersion != null && aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be at least 1");
        }
    }

    /** The metadata of a message that starts a flow: it is its own correlation and cause. */
    public static Metadata first() {
        String id = newId();
        return new Metadata(id, id, id, now(), CURRENT_SCHEMA_VERSION, null, null, null, null, null, null, null,
                LogContext.traceHeader());
    }

    /** The metadata of a message caused by {@code cause}: same flow, new id. */
    public static Metadata causedBy(Metadata cause) {
        return new Metadata(newId(), cause.correlationId(), cause.messageId(), now(), CURRENT_SCHEMA_VERSION,
                null, null, cause.sagaId(), cause.sagaName(), cause.replyTo(), null, null,
                cause.traceHeader() != null ? cause.traceHeader() : LogContext.traceHeader());
    }

    public Metadata withAggregate(String id, long version) {
        return new Metadata(messageId, correlationId, causationId, occurredAt, schemaVersion,
                id, version, sagaId, sagaName, replyTo, outcome, reason, traceHeader);
    }

    public Metadata withSaga(String id, String name, String replyAddress) {
        return new Metadata(messageId, correlationId, causationId, occurredAt, schemaVersion,
                aggregateId, aggregateVersion, id, name, replyAddress, outcome, reason, traceHeader);
    }

    public Metadata withOutcome(Outcome result, String why) {
        return new Metadata(messageId, correlationId, causationId, occurredAt, schemaVersion,
                aggregateId, aggregateVersion, sagaId, sagaName, replyTo, result, why, traceHeader);
    }

    public Metadata withMessageId(String id) {
        return new Metadata(id, correlationId, causationId, occurredAt, schemaVersion,
                aggregateId, aggregateVersion, sagaId, sagaName, replyTo, outcome, reason, traceHeader);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
