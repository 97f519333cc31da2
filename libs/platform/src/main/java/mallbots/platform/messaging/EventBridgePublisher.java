package mallbots.platform.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to an EventBridge bus with PutEvents, in requests of at most 10 entries and 256 KB
 * (see {@link PutEventsBatches}). PutEvents accepts or refuses each entry on its own; entries
 * refused for a transient reason (ThrottlingException, InternalFailure, or a throttled, failed or
 * unreachable call as a whole) are sent again after a backoff, a bounded number of times. An
 * entry refused for any other reason fails at once. An entry counts as published only when the
 * bus returned an EventId for it.
 */
public final class EventBridgePublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventBridgePublisher.class);

    /** The per-entry error codes that the EventBridge API Reference (PutEventsResultEntry) calls retryable. */
    private static final Set<String> RETRYABLE_ENTRY_ERRORS = Set.of("ThrottlingException", "InternalFailure");
    private static final Set<String> RETRYABLE_CALL_ERRORS =
            Set.of("ThrottlingException", "InternalFailure", "InternalException", "ServiceUnavailable");

    private final EventBridgeClient client;
    private final String busName;
    private final RetryBackoff backoff;

    public EventBridgePublisher(EventBridgeClient client, String busName) {
        this(client, busName, RetryBackoff.DEFAULT);
    }

    public EventBridgePublisher(EventBridgeClient client, String busName, RetryBackoff backoff) {
        this.client = Objects.requireNonNull(client, "client");
        this.busName = requireText(busName);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public void publish(List<OutboundEvent> events) throws PublishException {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        Publication publication = new Publication();
        List<Pending> pending = new ArrayList<>();
        for (OutboundEvent event : events) {
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(event.source())
                    .detailType(event.detailType())
                    .detail(event.detail())
                    // what X-Ray follows from the bus to its targets (an SQS target gets it as AWSTraceHeader)
                    .traceHeader(event.traceHeader())
                    .build();
            int size = PutEventsBatches.entrySize(entry);
            if (size > PutEventsBatches.MAX_BYTES) {
                publication.fail(event, "EntryTooLarge: the entry is " + size + " bytes (Source + DetailType + Detail,"
                        + " UTF-8), over the PutEvents limit of " + PutEventsBatches.MAX_BYTES + " bytes");
            } else {
                pending.add(new Pending(event, entry, size, null));
            }
        }

        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1 && !waitBeforeRetry(attempt, pending)) {
                pending.forEach(p -> publication.fail(p.event(), p.lastError() + " (interrupted before retrying)"));
                break;
            }
            List<Pending> retry = new ArrayList<>();
            for (List<Pending> batch : PutEventsBatches.split(pending, Pending::size)) {
                send(batch, publication, retry);
            }
            if (!retry.isEmpty() && attempt >= backoff.maxAttempts()) {
                int attempts = attempt;
                retry.forEach(p -> publication.fail(p.event(), p.lastError() + " (gave up after " + attempts + " attempts)"));
                break;
            }
            pending = retry;
        }
        publication.finish(events.size());
    }

    private void send(List<Pending> batch, Publication publication, List<Pending> retry) {
        PutEventsResponse response;
        try {
            response = client.putEvents(request -> request.entries(batch.stream().map(Pending::entry).toList()));
        } catch (SdkException e) {
            String error = describe(e);
            boolean retryable = isRetryable(e);
            log.warn("PutEvents call failed for {} entries on bus {}: {} ({})", batch.size(), busName, error,
                    retryable ? "will retry" : "not retryable");
            for (Pending p : batch) {
                if (retryable) {
                    retry.add(p.failedWith(error));
                } else {
                    publication.fail(p.event(), error);
                }
            }
            return;
        }
        List<PutEventsResultEntry> results = response.hasEntries() ? response.entries() : List.of();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            // Result entries match request entries by position.
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result == null) {
                retry.add(p.failedWith("NoResult: PutEvents returned no result entry for it"));
            } else if (result.errorCode() != null) {
                String error = result.errorCode() + ": " + result.errorMessage();
                if (RETRYABLE_ENTRY_ERRORS.contains(result.errorCode())) {
                    log.debug("PutEvents refused messageId={} for now: {}", p.event().messageId(), error);
                    retry.add(p.failedWith(error));
                } else {
                    publication.fail(p.event(), error);
                }
            } else if (result.eventId() == null || result.eventId().isBlank()) {
                retry.add(p.failedWith("NoEventId: PutEvents returned neither an event id nor an error"));
            } else {
                publication.published(p.event());
            }
        }
    }

    private boolean waitBeforeRetry(int attempt, List<Pending> pending) {
        Duration delay = backoff.delayBefore(attempt - 1);
        log.warn("PutEvents: retrying {} entries on bus {} in {} ms (attempt {} of {}), first error: {}",
                pending.size(), busName, delay.toMillis(), attempt, backoff.maxAttempts(), pending.getFirst().lastError());
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRetryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.isThrottlingException() || service.statusCode() >= 500 || RETRYABLE_CALL_ERRORS.contains(code);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        // A client-side failure is transient when the network failed; a configuration error is not.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String requireText(String busName) {
        if (busName == null || busName.isBlank()) {
            throw new IllegalArgumentException("busName is required");
        }
        return busName;
    }

    /** An entry still to be accepted, with the error of its last attempt. */
    private record Pending(OutboundEvent event, PutEventsRequestEntry entry, int size, String lastError) {
        Pending failedWith(String error) {
            return new Pending(event, entry, size, error);
        }
    }

    /** The outcome so far: which message ids the bus accepted, which failed and why. */
    private final class Publication {
        private final List<String> published = new ArrayList<>();
        private final Map<String, String> failed = new LinkedHashMap<>();

        void published(OutboundEvent event) {
            published.add(event.messageId());
        }

        void fail(OutboundEvent event, String error) {
            log.warn("PutEvents did not publish messageId={} detailType={} to bus {}: {}",
                    event.messageId(), event.detailType(), busName, error);
            failed.put(event.messageId(), error);
        }

        void finish(int total) {
            if (failed.isEmpty()) {
                log.debug("published {} events to bus {}", published.size(), busName);
                return;
            }
            String summary = failed.entrySet().stream().limit(5)
                    .map(f -> f.getKey() + " (" + f.getValue() + ")")
                    .collect(Collectors.joining("; "));
            throw new PublishException(failed.size() + " of " + total + " events not published to bus " + busName
                    + ": " + summary + (failed.size() > 5 ? "; ..." : ""), published, failed, null);
        }
    }
}
