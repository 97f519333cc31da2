package mallbots.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mallbots.emulators.LocalAwsEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Archives, StartReplay/DescribeReplay/ListReplays/CancelReplay and the unmatched count, through the AWS SDK. */
class ArchiveReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAwsEndpoint endpoint;
    private static EventBridgeClient events;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        endpoint = LocalAwsEndpoint.start(0, "us-east-1", null);
        events = DeliveryJournalTest.client(endpoint.uri());
        sqs = SqsClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        events.close();
        sqs.close();
        endpoint.close();
    }

    @Test
    void archived_events_are_replayed_to_the_rules_with_replay_name_and_not_archived_again() throws Exception {
        String busArn = events.createEventBus(b -> b.name("replayed")).eventBusArn();
        String orders = queue("replay-orders");
        String audit = queue("replay-audit");
        String ordersRule = rule("replayed", "orders", "{\"source\":[\"mallbots.ordering\"]}", orders);
        rule("replayed", "audit", "{\"source\":[{\"prefix\":\"mallbots.\"}]}", audit);
        String archiveArn = events.createArchive(a -> a.archiveName("replayed-archive").eventSourceArn(busArn)
                .eventPattern("{\"source\":[{\"prefix\":\"mallbots.\"}]}").retentionDays(1)).archiveArn();
        Instant from = Instant.now().minusSeconds(1);

        List<String> ids = new ArrayList<>();
        for (String source : List.of("mallbots.ordering", "mallbots.ordering", "other.system")) {
            ids.add(events.putEvents(p -> p.entries(e -> e.eventBusName("replayed").source(source).detailType("OrderCreated")
                    .detail("{\"n\":1}"))).entries().getFirst().eventId());
        }
        assertThat(receive(orders, 2)).hasSize(2);
        assertThat(receive(audit, 2)).hasSize(2);
        assertThat(events.describeArchive(a -> a.archiveName("replayed-archive")).eventCount())
                .as("the archive keeps what matches its pattern").isEqualTo(2);
        Instant to = Instant.now().plusMillis(1);

        events.startReplay(r -> r.replayName("all-rules").eventSourceArn(archiveArn).eventStartTime(from).eventEndTime(to)
                .destination(d -> d.arn(busArn)));
        awaitCompleted("all-rules");
        List<Message> replayed = receive(orders, 2);
        assertThat(replayed).hasSize(2).allSatisfy(message -> {
            JsonNode event = JSON.readTree(message.body());
            assertThat(event.get("replay-name").asText()).isEqualTo("all-rules");
            assertThat(event.get("id").asText()).isIn(ids.subList(0, 2));
        });
        assertThat(receive(audit, 2)).hasSize(2);

        events.startReplay(r -> r.replayName("orders-only").eventSourceArn(archiveArn).eventStartTime(from).eventEndTime(to)
                .destination(d -> d.arn(busArn).filterArns(ordersRule)));
        DescribeReplayResponse done = awaitCompleted("orders-only");
        assertThat(done.destination().filterArns()).containsExactly(ordersRule);
        assertThat(done.eventLastReplayedTime()).isNotNull();
        assertThat(receive(orders, 2)).hasSize(2);
        assertThat(receive(audit, 0)).as("FilterArns keeps the replay to those rules").isEmpty();

        assertThat(events.describeArchive(a -> a.archiveName("replayed-archive")).eventCount())
                .as("replayed events are not archived again").isEqualTo(2);
        assertThat(events.listReplays(l -> l.eventSourceArn(archiveArn)).replays())
                .extracting(r -> r.replayName()).containsExactly("all-rules", "orders-only");
        assertThatThrownBy(() -> events.cancelReplay(c -> c.replayName("orders-only")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IllegalStatusException"));
        assertThatThrownBy(() -> events.startReplay(r -> r.replayName("orders-only").eventSourceArn(archiveArn)
                .eventStartTime(from).eventEndTime(to).destination(d -> d.arn(busArn))))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException"));
        assertThatThrownBy(() -> events.startReplay(r -> r.replayName("backwards").eventSourceArn(archiveArn)
                .eventStartTime(to).eventEndTime(from).destination(d -> d.arn(busArn))))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void events_that_match_no_rule_are_counted_per_source_and_detail_type() throws Exception {
        events.createEventBus(b -> b.name("unmatched"));
        for (int i = 0; i < 3; i++) {
            events.putEvents(p -> p.entries(e -> e.eventBusName("unmatched").source("mallbots.stores")
                    .detailType("StoreDemolished").detail("{}")));
        }
        JsonNode view = DeliveryJournalTest.get(endpoint.uri(), LocalAwsEndpoint.UNMATCHED_PATH);
        JsonNode demolished = null;
        for (JsonNode count : view.get("unmatched")) {
            if (count.get("busName").asText().equals("unmatched")) {
                demolished = count;
            }
        }
        assertThat(demolished).isNotNull();
        assertThat(demolished.get("source").asText()).isEqualTo("mallbots.stores");
        assertThat(demolished.get("detailType").asText()).isEqualTo("StoreDemolished");
        assertThat(demolished.get("count").asLong()).isEqualTo(3);
    }

    private static DescribeReplayResponse awaitCompleted(String name) {
        return await("replay " + name + " completed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> events.describeReplay(d -> d.replayName(name)), replay -> replay.state() == ReplayState.COMPLETED);
    }

    private static String queue(String name) {
        return sqs.createQueue(c -> c.queueName(name)).queueUrl();
    }

    private static String rule(String bus, String name, String pattern, String queueUrl) {
        String arn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleArn = events.putRule(r -> r.name(name).eventBusName(bus).eventPattern(pattern)).ruleArn();
        events.putTargets(t -> t.rule(name).eventBusName(bus).targets(x -> x.id("q").arn(arn)));
        return ruleArn;
    }

    /**
     * Receives and deletes messages until there are {@code count}, or, for none, what the queue
     * holds once the endpoint has no delivery pending (each is journaled before PutEvents or the
     * replay's step answers, so nothing arrives later).
     */
    private static List<Message> receive(String url, int count) throws Exception {
        List<Message> received = new ArrayList<>();
        if (count == 0) {
            await("no delivery pending").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> DeliveryJournalTest.deliveries(endpoint.uri()).get("deliveries").isEmpty());
        }
        await(count + " messages on " + url).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()) {
                        received.add(message);
                        sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
                    }
                    return received.size() >= count;
                });
        return received;
    }
}
