package mallbots.platform.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Standard SQS queues in the test's own memory, for the calls a context's testbed makes to
 * deliver messages the way Lambda's event source mapping does ({@link SqsEvents}): create a
 * queue, send, receive (a received message stays invisible for the queue's visibility timeout,
 * 30 s unless set, or until it is made visible again; each receipt counts in
 * {@code ApproximateReceiveCount}), delete by receipt handle, the queue's ARN. Messages are
 * received in the order they were sent. Other calls are not supported.
 *
 * <p>{@code QueuesContract} runs the same assertions on this and on ElasticMQ.
 */
public final class InMemorySqs implements SqsClient {

    private static final String ACCOUNT = "000000000000";
    private static final int DEFAULT_VISIBILITY_SECONDS = 30;

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySqs() {
        this(Clock.systemUTC());
    }

    public InMemorySqs(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    @Override
    public CreateQueueResponse createQueue(CreateQueueRequest request) {
        String url = "http://sqs.in-memory/" + ACCOUNT + "/" + request.queueName();
        int visibility = Integer.parseInt(request.attributes().getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT,
                Integer.toString(DEFAULT_VISIBILITY_SECONDS)));
        queues.computeIfAbsent(url, u -> new Queue(request.queueName(), visibility));
        return CreateQueueResponse.builder().queueUrl(url).build();
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        Queue queue = queue(request.queueUrl());
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        for (QueueAttributeName name : request.attributeNames()) {
            switch (name) {
                case QUEUE_ARN -> attributes.put(name, queue.arn());
                case VISIBILITY_TIMEOUT -> attributes.put(name, Integer.toString(queue.visibilitySeconds));
                case APPROXIMATE_NUMBER_OF_MESSAGES -> attributes.put(name, Long.toString(queue.visibleCount(now())));
                default -> throw unsupported("queue attribute " + name);
            }
        }
        return GetQueueAttributesResponse.builder().attributes(attributes).build();
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        if (request.delaySeconds() != null && request.delaySeconds() > 0) {
            throw unsupported("DelaySeconds");
        }
        if (request.messageBody() == null || request.messageBody().isEmpty()) {
            throw SqsException.builder().message("The request must contain the parameter MessageBody.")
                    .awsErrorDetails(error("MissingParameter")).statusCode(400).build();
        }
        Queue queue = queue(request.queueUrl());
        String id = UUID.randomUUID().toString();
        String md5 = md5(request.messageBody());
        queue.add(new Stored(id, request.messageBody(), md5, now()));
        return SendMessageResponse.builder().messageId(id).md5OfMessageBody(md5).build();
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        Queue queue = queue(request.queueUrl());
        int max = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
        if (max < 1 || max > 10) {
            throw SqsException.builder().message("Value " + max + " for parameter MaxNumberOfMessages is invalid.")
                    .awsErrorDetails(error("InvalidParameterValue")).statusCode(400).build();
        }
        int visibility = request.visibilityTimeout() == null ? queue.visibilitySeconds : request.visibilityTimeout();
        long waitMillis = request.waitTimeSeconds() == null ? 0 : request.waitTimeSeconds() * 1000L;
        List<Message> received = queue.receive(max, visibility, waitMillis, clock);
        return ReceiveMessageResponse.builder().messages(received).build();
    }

    @Override
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
        queue(request.queueUrl()).delete(request.receiptHandle());
        return DeleteMessageResponse.builder().build();
    }

    @Override
    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
        queue(request.queueUrl()).changeVisibility(request.receiptHandle(), request.visibilityTimeout(), now());
        return ChangeMessageVisibilityResponse.builder().build();
    }

    private Instant now() {
        return clock.instant();
    }

    private Queue queue(String url) {
        Queue queue = url == null ? null : queues.get(url);
        if (queue == null) {
            throw QueueDoesNotExistException.builder().message("The specified queue does not exist.")
                    .awsErrorDetails(error("AWS.SimpleQueueService.NonExistentQueue")).statusCode(400).build();
        }
        return queue;
    }

    private static RuntimeException unsupported(String what) {
        return new UnsupportedOperationException(what + " is not supported by the in-memory SQS");
    }

    private static AwsErrorDetails error(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName(SERVICE_NAME).build();
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message as the queue keeps it. */
    private static final class Stored {

        final String id;
        final String body;
        final String md5;
        final Instant sent;
        Instant firstReceived;
        int receiveCount;
        Instant visibleFrom;
        String receiptHandle;

        Stored(String id, String body, String md5, Instant sent) {
            this.id = id;
            this.body = body;
            this.md5 = md5;
            this.sent = sent;
            this.visibleFrom = sent;
        }
    }

    private static final class Queue {

        private final String name;
        private final int visibilitySeconds;
        private final List<Stored> messages = new ArrayList<>();

        Queue(String name, int visibilitySeconds) {
            this.name = name;
            this.visibilitySeconds = visibilitySeconds;
        }

        String arn() {
            return "arn:aws:sqs:" + LocalAws.REGION.id() + ":" + ACCOUNT + ":" + name;
        }

        synchronized void add(Stored message) {
            messages.add(message);
            notifyAll();
        }

        synchronized long visibleCount(Instant now) {
            return messages.stream().filter(m -> !m.visibleFrom.isAfter(now)).count();
        }

        /** Up to {@code max} visible messages, waiting up to {@code waitMillis} for a first one (long polling). */
        synchronized List<Message> receive(int max, int visibilitySeconds, long waitMillis, Clock clock) {
            long deadline = System.nanoTime() + waitMillis * 1_000_000;
            while (true) {
                Instant now = clock.instant();
                List<Message> received = new ArrayList<>();
                for (Stored message : messages) {
                    if (received.size() == max) {
                        break;
                    }
                    if (!message.visibleFrom.isAfter(now)) {
                        message.receiveCount++;
                        if (message.firstReceived == null) {
                            message.firstReceived = now;
                        }
                        message.visibleFrom = now.plusSeconds(visibilitySeconds);
                        message.receiptHandle = message.id + "#" + UUID.randomUUID();
                        received.add(toMessage(message));
                    }
                }
                long left = deadline - System.nanoTime();
                if (!received.isEmpty() || left <= 0) {
                    return received;
                }
                try {
                    // woken by a send or a change of visibility; at most every 50 ms for a timeout running out
                    wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return received;
                }
            }
        }

        private static Message toMessage(Stored message) {
            return Message.builder().messageId(message.id).receiptHandle(message.receiptHandle).body(message.body)
                    .md5OfBody(message.md5)
                    .attributes(Map.of(
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, Integer.toString(message.receiveCount),
                            MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(message.sent.toEpochMilli()),
                            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
                            Long.toString(message.firstReceived.toEpochMilli()),
                            MessageSystemAttributeName.SENDER_ID, ACCOUNT))
                    .build();
        }

        synchronized void delete(String receiptHandle) {
            if (!messages.removeIf(m -> receiptHandle != null && receiptHandle.equals(m.receiptHandle))) {
                checkHandle(receiptHandle);
            }
        }

        synchronized void changeVisibility(String receiptHandle, Integer seconds, Instant now) {
            for (Stored message : messages) {
                if (receiptHandle != null && receiptHandle.equals(message.receiptHandle)) {
                    message.visibleFrom = now.plusSeconds(seconds == null ? 0 : seconds);
                    notifyAll();
                    return;
                }
            }
            checkHandle(receiptHandle);
        }

        /** A handle of a message deleted before is accepted, as SQS does; one never given out is not. */
        private static void checkHandle(String receiptHandle) {
            if (receiptHandle == null || !receiptHandle.contains("#")) {
                throw ReceiptHandleIsInvalidException.builder().message("The receipt handle is not valid.")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ReceiptHandleIsInvalid").build())
                        .statusCode(400).build();
            }
        }
    }
}
