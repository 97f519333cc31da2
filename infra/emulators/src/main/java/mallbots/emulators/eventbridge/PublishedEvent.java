package mallbots.emulators.eventbridge;

import java.time.Instant;

/**
 * An event the bus accepted, as its targets receive it ({@code json}).
 *
 * @param traceHeader the entry's TraceHeader (X-Amzn-Trace-Id format), or null: an SQS target's
 *        message gets it as the system attribute AWSTraceHeader, as EventBridge does
 */
record PublishedEvent(String id, String busName, String source, String detailType, String json, Instant acceptedAt,
        String traceHeader) {

    PublishedEvent(String id, String busName, String source, String detailType, String json, Instant acceptedAt) {
        this(id, busName, source, detailType, json, acceptedAt, null);
    }
}
