package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mallbots.emulators.faults.FaultInjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delivers matched events to rule targets, asynchronously as EventBridge does: each attempt on
 * a virtual thread, failures retried with exponential backoff under the target's RetryPolicy,
 * then sent to the target's dead-letter queue with the attributes EventBridge sets, or dropped.
 * Each delivery is in the {@link DeliveryJournal} from before the first attempt until it is
 * over, so that a restart carries on with what a crash interrupted.
 */
final class TargetDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TargetDispatcher.class);

    private final EventBridgeSettings settings;
    private final SqsClient sqs;
    private final ObjectMapper json;
    private final DeliveryJournal journal;
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("eventbridge-retry-timer").factory());
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LambdaInvoker lambdaInvoker;
    private volatile FaultInjector faults;

    TargetDispatcher(EventBridgeSettings settings, SqsClient sqs, ObjectMapper json, DeliveryJournal journal) {
        this.settings = settings;
        this.sqs = sqs;
        this.json = json;
        this.journal = journal;
    }

    void injectFaults(FaultInjector injector) {
        this.faults = injector;
    }

    void setLambdaInvoker(LambdaInvoker invoker) {
        this.lambdaInvoker = invoker;
    }

    void addListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    /** Starts delivering the event to one target of a rule that matched it, once it is in the journal. */
    void dispatch(PublishedEvent event, Rule rule, Target target) {
        for (int copy = 0; copy < settings.deliveriesPerEvent(); copy++) {
            submit(new Job(journal.add(event, rule, target), event, rule, target, 1));
        }
    }

    /** Carries on with deliveries a previous run left in the journal, each at its next attempt's time. */
    void resume(List<DeliveryJournal.Pending> pending, TargetDefinitions definitions) {
        Instant now = settings.clock().instant();
        for (DeliveryJournal.Pending delivery : pending) {
            PublishedEvent event = delivery.event();
            Rule rule = new Rule(delivery.ruleName(), event.busName(), delivery.ruleArn(), null, null, true, null, null,
                    event.acceptedAt());
            Job job = new Job(delivery.id(), event, rule, definitions.target(delivery.target()), delivery.attempt());
            // due when the previous run said, but no later than this run's backoff for that retry
            Duration backoff = delivery.attempt() > 1 ? settings.retryDelay(delivery.attempt() - 1) : Duration.ZERO;
            long delay = Math.max(0, Math.min(Duration.between(now, delivery.nextAttemptAt()).toMillis(), backoff.toMillis()));
            if (!timer.isShutdown()) {
                timer.schedule(() -> submit(job), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    void unmatched(PublishedEvent event) {
        for (DeliveryListener listener : listeners) {
            try {
                listener.onUnmatched(event.id(), event.busName(), event.source(), event.detailType());
            } catch (RuntimeException e) {
                LOG.warn("a delivery listener failed", e);
            }
        }
    }

    void accepted(PublishedEvent event, int targets) {
        for (DeliveryListener listener : listeners) {
            try {
                listener.onAccepted(event.json(), event.acceptedAt(), targets);
            } catch (RuntimeException e) {
                LOG.warn("a delivery listener failed", e);
            }
        }
    }

    private record Job(String id, PublishedEvent event, Rule rule, Target target, int attempt) {
        Job next() {
            return new Job(id, event, rule, target, attempt + 1);
        }
    }

    /** Once stopping, the journal is left as it is: what was not done is done at the next start. */
    private void over(Job job) {
        if (!attempts.isShutdown()) {
            journal.done(job.id());
        }
    }

    private void submit(Job job) {
        // an injected fault may send a first attempt twice, or hold it back so that later events overtake it
        FaultInjector.DeliveryFault fault = faults != null && job.attempt() == 1 ? faults.forDelivery()
                : FaultInjector.DeliveryFault.NONE;
        for (int copy = 0; copy < fault.copies(); copy++) {
            if (fault.delay().isZero() || timer.isShutdown()) {
                start(job);
            } else {
                timer.schedule(() -> start(job), fault.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void start(Job job) {
        if (!attempts.isShutdown()) {
            attempts.execute(() -> attempt(job));
        }
    }

    private void attempt(Job job) {
        long started = System.nanoTime();
        try {
            send(job.target(), TargetInput.of(job.target(), job.event().json(), json), job.event().traceHeader());
            over(job);
            report(job, Delivery.Result.DELIVERED, null, started);
        } catch (DeliveryFailure failure) {
            failed(job, failure, started);
        } catch (RuntimeException unexpected) {
            failed(job, new DeliveryFailure("SDK_CLIENT_ERROR", String.valueOf(unexpected), true, unexpected), started);
        }
    }

    private void failed(Job job, DeliveryFailure failure, long started) {
        int retriesDone = job.attempt() - 1;
        Instant now = settings.clock().instant();
        boolean tooOld = now.isAfter(job.event().acceptedAt().plus(job.target().maximumEventAge()));
        boolean retriesLeft = retriesDone < job.target().maximumRetryAttempts();
        if (failure.retryable() && retriesLeft && !tooOld) {
            Duration delay = settings.retryDelay(job.attempt());
            if (!attempts.isShutdown()) {
                journal.retrying(job.id(), job.attempt() + 1, now.plus(delay), failure.getMessage());
            }
            report(job, Delivery.Result.RETRYING, failure.getMessage(), started);
            if (!timer.isShutdown()) {
                timer.schedule(() -> submit(job.next()), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        String exhausted = !failure.retryable() ? null
                : tooOld ? "MaximumEventAgeInSeconds" : "MaximumRetryAttempts";
        if (job.target().deadLetterArn() == null) {
            LOG.warn("dropped event {} of rule {} for target {} after {} attempts: {}", job.event().id(),
                    job.rule().arn(), job.target().arn(), job.attempt(), failure.getMessage());
            over(job);
            report(job, Delivery.Result.DROPPED, failure.getMessage(), started);
            return;
        }
        try {
            deadLetter(job, failure, exhausted, retriesDone);
            over(job);
            report(job, Delivery.Result.DEAD_LETTERED, failure.getMessage(), started);
        } catch (DeliveryFailure dlqFailure) {
            LOG.warn("dropped event {}: its dead-letter queue {} failed too: {}", job.event().id(),
                    job.target().deadLetterArn(), dlqFailure.getMessage());
            over(job);
            report(job, Delivery.Result.DROPPED, failure.getMessage() + "; dead-letter queue: " + dlqFailure.getMessage(),
                    started);
        }
    }

    private void send(Target target, String input, String traceHeader) throws DeliveryFailure {
        String service = Arns.service(target.arn()).orElse("");
        switch (service) {
            case "sqs" -> sendToQueue(target.arn(), input, target.messageGroupId(), Map.of(), traceHeader);
            case "lambda" -> invoke(target.arn(), input);
            default -> throw new DeliveryFailure("RESOURCE_NOT_FOUND",
                    "the local EventBridge cannot deliver to " + target.arn(), false, null);
        }
    }

    private void invoke(String functionArn, String input) throws DeliveryFailure {
        LambdaInvoker invoker = lambdaInvoker;
        if (invoker == null) {
            throw new DeliveryFailure("SDK_CLIENT_ERROR", "no Lambda invoker is registered for " + functionArn, true, null);
        }
        try {
            invoker.invoke(functionArn, input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("SDK_CLIENT_ERROR", "interrupted", true, e);
        } catch (Exception e) {
            throw new DeliveryFailure("SDK_CLIENT_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
        }
    }

    private void sendToQueue(String queueArn, String body, String messageGroupId,
            Map<String, MessageAttributeValue> attributes, String traceHeader) throws DeliveryFailure {
        String queueName = Arns.resource(queueArn);
        try {
            String queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body)
                    .messageAttributes(attributes);
            if (traceHeader != null) {
                request.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(traceHeader).build()));
            }
            if (queueName.endsWith(".fifo")) {
                request.messageGroupId(messageGroupId == null ? "default" : messageGroupId)
                        .messageDeduplicationId(Integer.toHexString(body.hashCode()) + "-" + System.nanoTime());
            }
            sqs.sendMessage(request.build());
        } catch (QueueDoesNotExistException e) {
            throw new DeliveryFailure("RESOURCE_NOT_FOUND", "queue " + queueArn + " does not exist", false, e);
        } catch (SdkException e) {
            throw new DeliveryFailure("SDK_CLIENT_ERROR", e.getMessage(), true, e);
        }
    }

    /** The event goes to the DLQ as it was published, with EventBridge's attributes saying why. */
    private void deadLetter(Job job, DeliveryFailure failure, String exhaustedCondition, int retries)
            throws DeliveryFailure {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("ERROR_CODE", string(failure.errorCode()));
        attributes.put("ERROR_MESSAGE", string(failure.getMessage() == null ? failure.errorCode() : failure.getMessage()));
        attributes.put("RULE_ARN", string(job.rule().arn()));
        attributes.put("TARGET_ARN", string(job.target().arn()));
        attributes.put("RETRY_ATTEMPTS", string(Integer.toString(retries)));
        if (exhaustedCondition != null) {
            attributes.put("EXHAUSTED_RETRY_CONDITION", string(exhaustedCondition));
        }
        sendToQueue(job.target().deadLetterArn(), job.event().json(), job.target().messageGroupId(), attributes,
                job.event().traceHeader());
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private void report(Job job, Delivery.Result result, String error, long started) {
        Delivery delivery = new Delivery(job.event().id(), job.event().busName(), job.event().source(),
                job.event().detailType(), job.rule().name(), job.target().arn(), job.attempt(), result, error,
                Duration.ofNanos(System.nanoTime() - started));
        for (DeliveryListener listener : listeners) {
            try {
                listener.onDelivery(delivery);
            } catch (RuntimeException e) {
                LOG.warn("a delivery listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        attempts.shutdownNow();
    }
}
