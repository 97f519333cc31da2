package mallbots.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.logging.LogContext;
import mallbots.platform.messaging.PutEventsStub.ReceivedEntry;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class EventBridgePublisherTest {

    record Noted(String text) {
    }

    private static final MessageType<Noted> NOTED = MessageType.of("mallbots.tests", "Noted", Noted.class);
    private static final MessageCodec CODEC = new MessageCodec(MessageTypes.of(NOTED));
    private static final RetryBackoff FAST = new RetryBackoff(4, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final String BUS = "mallbots";

    private final PutEventsStub stub = new PutEventsStub();
    private final EventBridgeClient client = stub.client();
    private final EventBridgePublisher publisher = new EventBridgePublisher(client, BUS, FAST);

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static OutboundEvent event(String text) {
        return OutboundEvent.of(NOTED.create(new Noted(text)), CODEC);
    }

    private static List<OutboundEvent> events(int count, int textLength) {
        List<OutboundEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(String.valueOf((char) ('a' + i % 26)).repeat(textLength)));
        }
        return events;
    }

    private static List<String> ids(List<OutboundEvent> events) {
        return events.stream().map(OutboundEvent::messageId).toList();
    }

    private static int size(ReceivedEntry entry) {
        return PutEventsBatches.entrySize(PutEventsRequestEntry.builder().source(entry.source())
                .detailType(entry.detailType()).detail(entry.detail()).build());
    }

    @Test
    void requests_hold_at_most_ten_entries() {
        List<OutboundEvent> events = events(23, 10);

        publisher.publish(events);

        assertThat(stub.requests()).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(stub.accepted()).containsExactlyElementsOf(ids(events));
        assertThat(stub.requests().getFirst().getFirst())
                .isEqualTo(new ReceivedEntry(BUS, "mallbots.tests", "Noted", events.getFirst().detail(),
                        events.getFirst().messageId(), null));
    }

    @Test
    void an_entry_carries_its_messages_trace_header_for_x_ray() {
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
        OutboundEvent traced;
        try (LogContext.Scope scope = LogContext.trace(header)) {
            traced = event("traced");
        }
        OutboundEvent untraced = event("untraced");
        // an event read back from an outbox is its id, source, detail-type and detail: the header is in the detail
        OutboundEvent fromOutbox = new OutboundEvent(traced.messageId(), traced.source(), traced.detailType(), traced.detail());

        publisher.publish(List.of(fromOutbox, untraced));

        assertThat(fromOutbox.traceHeader()).isEqualTo(header);
        assertThat(stub.requests().getFirst()).extracting(ReceivedEntry::traceHeader).containsExactly(header, null);
        assertThat(new OutboundEvent("id", "s", "t", "{\"payload\":{\"traceHeader\":\"no\"},\"metadata\":{}}").traceHeader())
                .as("only the metadata's").isNull();
    }

    @Test
    void requests_hold_at_most_256_kb() {
        List<OutboundEvent> events = events(5, 100 * 1024);

        publisher.publish(events);

        assertThat(stub.requests()).extracting(List::size).containsExactly(2, 2, 1);
        for (List<ReceivedEntry> request : stub.requests()) {
            assertThat(request.stream().mapToInt(EventBridgePublisherTest::size).sum())
                    .isLessThanOrEqualTo(PutEventsBatches.MAX_BYTES);
        }
        assertThat(stub.accepted()).containsExactlyElementsOf(ids(events));
    }

    @Test
    void a_throttled_entry_is_published_on_retry_and_only_once() {
        List<OutboundEvent> events = events(3, 10);
        String throttled = events.get(1).messageId();
        stub.failEntry(throttled, "ThrottlingException", "InternalFailure");

        publisher.publish(events);

        assertThat(stub.accepted()).containsExactlyInAnyOrderElementsOf(ids(events));
        assertThat(stub.requests()).extracting(List::size).containsExactly(3, 1, 1);
        assertThat(stub.requests().get(1).getFirst().messageId()).isEqualTo(throttled);
    }

    @Test
    void a_refused_entry_fails_at_once_and_the_others_are_listed_as_published() {
        List<OutboundEvent> events = events(3, 10);
        String refused = events.get(1).messageId();
        stub.failEntry(refused, "always:InvalidArgument");

        PublishException failure = catchThrowableOfType(PublishException.class, () -> publisher.publish(events));

        assertThat(failure.publishedMessageIds()).containsExactly(events.get(0).messageId(), events.get(2).messageId());
        assertThat(failure.failedMessageIds()).containsOnlyKeys(refused);
        assertThat(failure.failedMessageIds().get(refused)).startsWith("InvalidArgument");
        assertThat(failure).hasMessageContaining(refused).hasMessageContaining("1 of 3");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void an_entry_that_stays_throttled_fails_after_the_last_attempt_and_is_never_reported_published() {
        List<OutboundEvent> events = events(3, 10);
        String throttled = events.get(2).messageId();
        stub.failEntry(throttled, "always:ThrottlingException");

        PublishException failure = catchThrowableOfType(PublishException.class, () -> publisher.publish(events));

        assertThat(failure.publishedMessageIds()).containsExactly(events.get(0).messageId(), events.get(1).messageId());
        assertThat(failure.failedMessageIds()).containsOnlyKeys(throttled);
        assertThat(failure.failedMessageIds().get(throttled))
                .startsWith("ThrottlingException").contains("gave up after 4 attempts");
        assertThat(stub.requests()).hasSize(4);
        assertThat(stub.accepted()).doesNotContain(throttled);
    }

    @Test
    void a_call_that_fails_as_a_whole_for_a_transient_reason_is_retried() {
        List<OutboundEvent> events = events(12, 10);
        stub.failCalls("500 InternalException", "400 ThrottlingException");

        publisher.publish(events);

        assertThat(stub.accepted()).containsExactlyInAnyOrderElementsOf(ids(events));
        assertThat(stub.accepted()).doesNotHaveDuplicates();
    }

    @Test
    void a_call_refused_for_good_fails_its_entries_at_once() {
        List<OutboundEvent> events = events(3, 10);
        stub.failCalls("400 ResourceNotFoundException");

        PublishException failure = catchThrowableOfType(PublishException.class, () -> publisher.publish(events));

        assertThat(failure.publishedMessageIds()).isEmpty();
        assertThat(failure.failedMessageIds()).containsOnlyKeys(ids(events));
        assertThat(failure.failedMessageIds().values()).allSatisfy(error -> assertThat(error).startsWith("ResourceNotFoundException"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void an_unreachable_bus_is_retried_then_every_event_is_reported_failed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (EventBridgeClient unreachable = EventBridgeClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort)).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            List<OutboundEvent> events = events(2, 10);

            PublishException failure = catchThrowableOfType(PublishException.class,
                    () -> new EventBridgePublisher(unreachable, BUS, new RetryBackoff(2, Duration.ZERO, Duration.ZERO))
                            .publish(events));

            assertThat(failure.publishedMessageIds()).isEmpty();
            assertThat(failure.failedMessageIds()).containsOnlyKeys(ids(events));
            assertThat(failure.failedMessageIds().values()).allSatisfy(error ->
                    assertThat(error).startsWith("SdkClientException").contains("gave up after 2 attempts"));
        }
    }

    @Test
    void an_oversize_entry_is_refused_without_sending_it_and_the_others_are_published() {
        OutboundEvent small = event("small");
        OutboundEvent huge = event("x".repeat(PutEventsBatches.MAX_BYTES));
        OutboundEvent other = event("other");

        PublishException failure = catchThrowableOfType(PublishException.class,
                () -> publisher.publish(List.of(small, huge, other)));

        assertThat(failure.failedMessageIds()).containsOnlyKeys(huge.messageId());
        assertThat(failure.failedMessageIds().get(huge.messageId()))
                .startsWith("EntryTooLarge").contains("262144 bytes");
        assertThat(failure.publishedMessageIds()).containsExactly(small.messageId(), other.messageId());
        assertThat(stub.requests()).flatExtracting(r -> r).extracting(ReceivedEntry::messageId)
                .doesNotContain(huge.messageId());
    }

    @Test
    void nothing_to_publish_sends_nothing() {
        publisher.publish(List.of());

        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void entry_size_counts_utf8_bytes_of_source_detail_type_detail_resources_and_time() {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName("a-bus-name-that-does-not-count")
                .source("mallbots.café")                 // 14 bytes: é is two
                .detailType("Noted")                      // 5
                .detail("{\"text\":\"€\"}")               // 14: 12 characters, € is three bytes
                .resources("arn:1", "arn:22")             // 5 + 6
                .time(Instant.parse("2026-01-01T00:00:00Z")) // 14
                .build();

        assertThat("mallbots.café".getBytes(StandardCharsets.UTF_8)).hasSize(14);
        assertThat(PutEventsBatches.entrySize(entry)).isEqualTo(14 + 5 + 14 + (5 + 6) + 14);
    }

    @Test
    void split_never_exceeds_either_limit() {
        List<Integer> sizes = List.of(100_000, 100_000, 62_144, 1, 200_000, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);

        List<List<Integer>> batches = PutEventsBatches.split(sizes, Integer::intValue);

        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.size()).isLessThanOrEqualTo(10);
            assertThat(batch.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(PutEventsBatches.MAX_BYTES);
        });
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(sizes);
        assertThat(batches.getFirst()).containsExactly(100_000, 100_000, 62_144);
        assertThatThrownBy(() -> PutEventsBatches.split(List.of(PutEventsBatches.MAX_BYTES + 1), Integer::intValue))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
