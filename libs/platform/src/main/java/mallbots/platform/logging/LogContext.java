package mallbots.platform.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;

/**
 * What every log line of an invocation, and of one message's handling, carries: entries of
 * log4j2's ThreadContext, which the JSON layout writes as top-level fields. The kernel's entry
 * points open a scope and close it when done, so nothing leaks to the next invocation or
 * message that the same thread serves (Lambda reuses the thread; the local cloud reuses it for
 * other functions).
 *
 * <pre>{@code
 * try (LogContext.Scope scope = LogContext.invocation(context)) { ... }
 * }</pre>
 */
public final class LogContext {

    public static final String FUNCTION = "function";
    /** The key Lambda's runtime interface client uses for the request id. */
    public static final String REQUEST_ID = "AWSRequestId";
    public static final String MESSAGE_ID = "messageId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String DETAIL_TYPE = "detailType";
    public static final String AGGREGATE_ID = "aggregateId";
    public static final String SAGA_ID = "sagaId";
    public static final String SQS_MESSAGE_ID = "sqsMessageId";
    public static final String ROUTE = "route";
    /** The X-Ray trace context of the flow (X-Amzn-Trace-Id format). */
    public static final String TRACE_HEADER = "traceHeader";

    private LogContext() {
    }

    /** The entries of one open scope; closing removes them. */
    public static final class Scope implements AutoCloseable {

        private final Map<String, String> entries;

        private Scope(Map<String, String> entries) {
            this.entries = entries;
            ThreadContext.putAll(entries);
        }

        @Override
        public void close() {
            ThreadContext.removeAll(entries.keySet());
        }
    }

    /** The function and the request id of an invocation ({@code context} may be null in tests). */
    public static Scope invocation(Context context) {
        Map<String, String> entries = new LinkedHashMap<>();
        String function = context != null && context.getFunctionName() != null
                ? context.getFunctionName() : System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        put(entries, FUNCTION, function);
        put(entries, REQUEST_ID, context == null ? null : context.getAwsRequestId());
        return new Scope(entries);
    }

    /**
     * Several entries at once, e.g. the ids of a message while it is handled (its own, its flow's,
     * its cause's, its aggregate's or saga's: see the consumer); null and blank values are left out.
     */
    public static Scope with(Map<String, String> values) {
        Map<String, String> entries = new LinkedHashMap<>();
        values.forEach((key, value) -> put(entries, key, value));
        return new Scope(entries);
    }

    /** Entries of a record that could not be decoded: whatever could be read from it. */
    public static Scope record(String sqsMessageId, String messageId, String detailType) {
        Map<String, String> entries = new LinkedHashMap<>();
        put(entries, SQS_MESSAGE_ID, sqsMessageId);
        put(entries, MESSAGE_ID, messageId);
        put(entries, DETAIL_TYPE, detailType);
        return new Scope(entries);
    }

    /**
     * The trace context an HTTP request carries on: Lambda's own for the invocation (the Java runtime's
     * {@code com.amazonaws.xray.traceHeader} property, else {@code _X_AMZN_TRACE_ID}), which with
     * active tracing names the function's segment as parent, else the request's X-Amzn-Trace-Id.
     */
    public static Scope trace(String requestHeader) {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        if (header == null || header.isBlank()) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        if (header == null || header.isBlank()) {
            header = requestHeader;
        }
        return with(TRACE_HEADER, header != null && header.startsWith("Root=") ? header : null);
    }

    /** The trace context of what this thread handles now, if any: new messages carry it on. */
    public static String traceHeader() {
        return ThreadContext.get(TRACE_HEADER);
    }

    /** Any other entries (e.g. the route of an HTTP request). */
    public static Scope with(String key, String value) {
        Map<String, String> entries = new LinkedHashMap<>();
        put(entries, key, value);
        return new Scope(entries);
    }

    private static void put(Map<String, String> entries, String key, String value) {
        if (value != null && !value.isBlank()) {
            entries.put(key, value);
        }
    }
}
