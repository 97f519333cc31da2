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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.emulators.LocalAwsEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The embedded EventBridge through the AWS SDK, against one LocalAwsEndpoint. */
class EventBridgeEndpointTest {

    private static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static final MovableClock CLOCK = new MovableClock();
    private static final Map<String, LambdaInvoker> FUNCTIONS = new ConcurrentHashMap<>();
    private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    private static final List<String> UNMATCHED_BUSES = new CopyOnWriteArrayList<>();

    private static LocalAwsEndpoint endpoint;
    private static EventBridgeClient events;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        EventBridgeSettings settings = EventBridgeSettings.defaults(REGION.id())
                .withRetryBaseDelay(Duration.ofMillis(20))
                .withClock(CLOCK, Duration.ofMillis(50));
        endpoint = LocalAwsEndpoint.start(0, null, settings);
        endpoint.setLambdaInvoker((arn, event) -> {
            LambdaInvoker function = FUNCTIONS.get(arn);
            if (function == null) {
                throw new IllegalStateException("no function " + arn);
            }
            function.invoke(arn, event);
        });
        endpoint.addDeliveryListener(new DeliveryListener() {
            @Override
            public void onDelivery(Delivery delivery) {
                DELIVERIES.add(delivery);
            }

            @Override
            public void onUnmatched(String eventId, String busName, String source, String detailType) {
                UNMATCHED_BUSES.add(busName + "/" + eventId);
            }
        });
        events = EventBridgeClient.builder().endpointOverride(endpoint.uri()).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint.uri()).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        events.close();
        sqs.close();
        endpoint.close();
    }

    @Test
    void anEventReachesTheQueueOfTheRuleItMatchesAndNoOther() throws Exception {
        String bus = name("shop");
        String busArn = events.createEventBus(b -> b.name(bus)).eventBusArn();
        Queue orders = queue("orders");
        Queue stores = queue("stores");
        rule(bus, name("orders-placed"), "{\"source\":[\"mallbots.orders\"],\"detail-type\":[\"OrderPlaced\"]}", orders);
        rule(bus, name("stores"), "{\"source\":[\"mallbots.stores\"]}", stores);
        Instant before = Instant.now().minusSeconds(1);

        PutEventsResponse response = events.putEvents(p -> p.entries(entry(busArn, "mallbots.orders", "OrderPlaced",
                "{\"orderId\":\"o-1\",\"total\":\"12.50\"}")));

        assertThat(response.failedEntryCount()).isZero();
        String eventId = response.entries().getFirst().eventId();
        JsonNode event = JSON.readTree(orders.receiveOne().body());
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("detail-type").asText()).isEqualTo("OrderPlaced");
        assertThat(event.get("source").asText()).isEqualTo("mallbots.orders");
        assertThat(event.get("account").asText()).isEqualTo("000000000000");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("resources").isArray()).isTrue();
        assertThat(Instant.parse(event.get("time").asText())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(event.get("detail")).isEqualTo(JSON.readTree("{\"orderId\":\"o-1\",\"total\":\"12.50\"}"));
        assertThat(stores.receiveOnceNothingIsPending()).isEmpty();
    }

    @Test
    void anEntrysTraceHeaderReachesAQueueTargetAsItsAwsTraceHeader() throws Exception {
        String bus = name("traced");
        events.createEventBus(b -> b.name(bus));
        Queue traced = queue("traced");
        rule(bus, name("traced"), "{\"source\":[\"mallbots.traced\"]}", traced);
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        PutEventsResponse response = events.putEvents(p -> p.entries(
                entry(bus, "mallbots.traced", "Traced", "{\"n\":1}").toBuilder().traceHeader(header).build(),
                entry(bus, "mallbots.traced", "Untraced", "{\"n\":2}")));

        assertThat(response.failedEntryCount()).isZero();
        Map<String, String> headers = new java.util.HashMap<>();
        await("both events on the queue").atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message message : traced.receive()) {
                headers.put(JSON.readTree(message.body()).get("detail-type").asText(),
                        message.attributes().getOrDefault(MessageSystemAttributeName.AWS_TRACE_HEADER, "none"));
            }
            return headers.size() == 2;
        });
        // as EventBridge does for an SQS target: the system attribute, not in the event itself
        assertThat(headers).containsEntry("Traced", header).containsEntry("Untraced", "none");
    }

    @Test
    void putEventsRefusesMoreThanTenEntries() {
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("default", "mallbots.test", "Counted", "{\"n\":" + i + "}"));
        }

        assertThatThrownBy(() -> events.putEvents(p -> p.entries(eleven)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                            assertThat(e.statusCode()).isEqualTo(400);
                        });
    }

    @Test
    void aMixedBatchFailsTheBadEntriesAndDeliversTheGoodOne() throws Exception {
        String bus = name("mixed");
        events.createEventBus(b -> b.name(bus));
        Queue queue = queue("mixed");
        rule(bus, name("all-tests"), "{\"source\":[\"mallbots.test\"]}", queue);

        PutEventsResponse response = events.putEvents(p -> p.entries(
                entry(bus, "mallbots.test", "Good", "{\"ok\":true}"),
                PutEventsRequestEntry.builder().eventBusName(bus).source("mallbots.test").detail("{}").build(),
                entry(bus, "mallbots.test", "NotJson", "this is not json")));

        assertThat(response.failedEntryCount()).isEqualTo(2);
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(1).errorCode()).isEqualTo("InvalidArgument");
        assertThat(response.entries().get(1).errorMessage()).contains("DetailType");
        assertThat(response.entries().get(1).eventId()).isNull();
        assertThat(response.entries().get(2).errorCode()).isEqualTo("MalformedDetail");
        assertThat(JSON.readTree(queue.receiveOne().body()).get("detail-type").asText()).isEqualTo("Good");
        assertThat(queue.receiveOnceNothingIsPending()).isEmpty();
    }

    @Test
    void anEventForABusThatDoesNotExistIsAcceptedAndDroppedAsOnAws() {
        PutEventsResponse response = events.putEvents(p -> p.entries(
                entry("no-such-bus", "mallbots.test", "Lost", "{}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(UNMATCHED_BUSES).contains("no-such-bus/" + response.entries().getFirst().eventId());
        assertThatThrownBy(() -> events.putRule(r -> r.name("r").eventBusName("no-such-bus").eventPattern("{\"source\":[\"x\"]}")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no-such-bus");
    }

    @Test
    void aLambdaTargetThatAlwaysFailsIsRetriedThenDeadLettered() throws Exception {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:" + name("Broken");
        AtomicInteger invocations = new AtomicInteger();
        FUNCTIONS.put(function, (arn, event) -> {
            invocations.incrementAndGet();
            throw new IllegalStateException("the store is closed");
        });
        Queue dlq = queue("broken-dlq");
        String ruleName = name("broken");
        String ruleArn = events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}"))
                .ruleArn();
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("fn").arn(function)
                .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(60))
                .deadLetterConfig(d -> d.arn(dlq.arn())).build()));

        String eventId = events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{\"n\":1}")))
                .entries().getFirst().eventId();

        Message dead = dlq.receiveOne();
        assertThat(invocations.get()).isEqualTo(3);
        assertThat(JSON.readTree(dead.body()).get("id").asText()).isEqualTo(eventId);
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("SDK_CLIENT_ERROR");
        assertThat(dead.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("the store is closed");
        assertThat(dead.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(ruleArn);
        assertThat(dead.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(function);
        assertThat(dead.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("2");
        assertThat(dead.messageAttributes().get("EXHAUSTED_RETRY_CONDITION").stringValue())
                .isEqualTo("MaximumRetryAttempts");
        assertThat(DELIVERIES.stream().filter(d -> d.eventId().equals(eventId)).map(Delivery::result))
                .containsExactly(Delivery.Result.RETRYING, Delivery.Result.RETRYING, Delivery.Result.DEAD_LETTERED);
    }

    @Test
    void aLambdaTargetThatFailsOnceIsDeliveredByTheRetry() throws Exception {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:" + name("Flaky");
        AtomicInteger invocations = new AtomicInteger();
        List<String> received = new CopyOnWriteArrayList<>();
        FUNCTIONS.put(function, (arn, event) -> {
            if (invocations.incrementAndGet() == 1) {
                throw new IllegalStateException("cold start went wrong");
            }
            received.add(event);
        });
        Queue dlq = queue("flaky-dlq");
        String ruleName = name("flaky");
        events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}"));
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("fn").arn(function)
                .retryPolicy(p -> p.maximumRetryAttempts(2)).deadLetterConfig(d -> d.arn(dlq.arn())).build()));

        String eventId = events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{}")))
                .entries().getFirst().eventId();

        awaitDelivery(eventId, Delivery.Result.DELIVERED);
        assertThat(received).singleElement().satisfies(event ->
                assertThat(JSON.readTree(event).get("id").asText()).isEqualTo(eventId));
        assertThat(invocations.get()).isEqualTo(2);
        assertThat(dlq.receiveOnceNothingIsPending()).isEmpty();
    }

    @Test
    void anEventTooOldToRetryGoesToTheDeadLetterQueueAtOnce() throws Exception {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:" + name("Slow");
        AtomicInteger invocations = new AtomicInteger();
        FUNCTIONS.put(function, (arn, event) -> {
            invocations.incrementAndGet();
            CLOCK.advance(Duration.ofSeconds(61)); // the attempt took longer than the event may live
            throw new IllegalStateException("timed out");
        });
        Queue dlq = queue("slow-dlq");
        String ruleName = name("slow");
        events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}"));
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("fn").arn(function)
                .retryPolicy(p -> p.maximumRetryAttempts(185).maximumEventAgeInSeconds(60))
                .deadLetterConfig(d -> d.arn(dlq.arn())).build()));

        events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{}")));

        Message dead = dlq.receiveOne();
        assertThat(invocations.get()).isEqualTo(1);
        assertThat(dead.messageAttributes().get("EXHAUSTED_RETRY_CONDITION").stringValue())
                .isEqualTo("MaximumEventAgeInSeconds");
        assertThat(dead.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("0");
    }

    @Test
    void aTargetQueueThatDoesNotExistSendsTheEventToTheDeadLetterQueueWithoutRetries() throws Exception {
        Queue dlq = queue("missing-dlq");
        String ruleName = name("missing");
        events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}"));
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("q")
                .arn("arn:aws:sqs:us-east-1:000000000000:" + name("never-created"))
                .deadLetterConfig(d -> d.arn(dlq.arn())).build()));

        String eventId = events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{}")))
                .entries().getFirst().eventId();

        Message dead = dlq.receiveOne();
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(dead.messageAttributes()).doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
        assertThat(DELIVERIES.stream().filter(d -> d.eventId().equals(eventId)))
                .singleElement().satisfies(d -> {
                    assertThat(d.attempt()).isEqualTo(1);
                    assertThat(d.result()).isEqualTo(Delivery.Result.DEAD_LETTERED);
                });
    }

    @Test
    void aFailedEventWithoutDeadLetterQueueIsDropped() throws Exception {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:" + name("Failing");
        FUNCTIONS.put(function, (arn, event) -> {
            throw new IllegalStateException("nope");
        });
        String ruleName = name("dropping");
        events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}"));
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("fn").arn(function)
                .retryPolicy(p -> p.maximumRetryAttempts(1)).build()));

        String eventId = events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{}")))
                .entries().getFirst().eventId();

        awaitDelivery(eventId, Delivery.Result.DROPPED);
        assertThat(DELIVERIES.stream().filter(d -> d.eventId().equals(eventId)).map(Delivery::result))
                .containsExactly(Delivery.Result.RETRYING, Delivery.Result.DROPPED);
    }

    @Test
    void aDisabledRuleDeliversNothingUntilItIsEnabled() throws Exception {
        Queue queue = queue("disabled");
        String ruleName = name("disabled");
        events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}")
                .state(RuleState.DISABLED));
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("q").arn(queue.arn()).build()));

        events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{\"n\":1}")));
        assertThat(queue.receiveOnceNothingIsPending()).isEmpty();

        events.enableRule(r -> r.name(ruleName));
        events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{\"n\":2}")));
        assertThat(JSON.readTree(queue.receiveOne().body()).at("/detail/n").asInt()).isEqualTo(2);
    }

    @Test
    void rulesAndTargetsReadBackAsTheyWerePut() {
        String bus = name("catalog");
        events.createEventBus(b -> b.name(bus));
        String pattern = "{\"source\":[\"mallbots.catalog\"]}";
        String first = "product-" + name("a");
        String second = "product-" + name("b");
        String ruleArn = events.putRule(r -> r.name(first).eventBusName(bus).eventPattern(pattern)
                .description("products")).ruleArn();
        events.putRule(r -> r.name(second).eventBusName(bus).eventPattern(pattern));
        events.putRule(r -> r.name(name("other")).eventBusName(bus).eventPattern(pattern));
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:" + name("catalog-q");
        String dlqArn = "arn:aws:sqs:us-east-1:000000000000:" + name("catalog-dlq");
        events.putTargets(t -> t.rule(first).eventBusName(bus).targets(Target.builder().id("q").arn(queueArn)
                .inputPath("$.detail").retryPolicy(p -> p.maximumRetryAttempts(4).maximumEventAgeInSeconds(600))
                .deadLetterConfig(d -> d.arn(dlqArn)).build()));

        DescribeRuleResponse described = events.describeRule(r -> r.name(first).eventBusName(bus));
        ListRulesResponse page1 = events.listRules(r -> r.eventBusName(bus).namePrefix("product-").limit(1));
        ListRulesResponse page2 = events.listRules(r -> r.eventBusName(bus).namePrefix("product-").limit(1)
                .nextToken(page1.nextToken()));
        List<Target> targets = events.listTargetsByRule(r -> r.rule(first).eventBusName(bus)).targets();

        assertThat(ruleArn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + bus + "/" + first);
        assertThat(described.arn()).isEqualTo(ruleArn);
        assertThat(described.eventPattern()).isEqualTo(pattern);
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.description()).isEqualTo("products");
        assertThat(described.eventBusName()).isEqualTo(bus);
        assertThat(page1.rules()).extracting(r -> r.name()).containsExactly(first);
        assertThat(page2.rules()).extracting(r -> r.name()).containsExactly(second);
        assertThat(page2.nextToken()).isNull();
        assertThat(targets).singleElement().satisfies(target -> {
            assertThat(target.arn()).isEqualTo(queueArn);
            assertThat(target.inputPath()).isEqualTo("$.detail");
            assertThat(target.retryPolicy().maximumRetryAttempts()).isEqualTo(4);
            assertThat(target.retryPolicy().maximumEventAgeInSeconds()).isEqualTo(600);
            assertThat(target.deadLetterConfig().arn()).isEqualTo(dlqArn);
        });
        assertThat(events.listRuleNamesByTarget(r -> r.targetArn(queueArn).eventBusName(bus)).ruleNames())
                .containsExactly(first);
        assertThat(events.listEventBuses(r -> r.namePrefix(bus)).eventBuses()).extracting(b -> b.name())
                .containsExactly(bus);
    }

    @Test
    void errorsAreTheExceptionsAwsRaises() {
        String bus = name("errors");
        events.createEventBus(b -> b.name(bus));

        assertThatThrownBy(() -> events.createEventBus(b -> b.name(bus)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> events.describeRule(r -> r.name("missing").eventBusName(bus)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Rule missing does not exist");
        assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventBusName(bus)
                .eventPattern("{\"source\":\"not-an-array\"}")))
                .isInstanceOf(InvalidEventPatternException.class);
        assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventBusName(bus).scheduleExpression("rate(1 minute)")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name("default")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        String ruleName = name("targets");
        events.putRule(r -> r.name(ruleName).eventBusName(bus).eventPattern("{\"source\":[\"x\"]}"));
        var put = events.putTargets(t -> t.rule(ruleName).eventBusName(bus).targets(
                Target.builder().id("topic").arn("arn:aws:sns:us-east-1:000000000000:news").build(),
                Target.builder().id("q").arn("arn:aws:sqs:us-east-1:000000000000:fine").build()));
        assertThat(put.failedEntryCount()).isEqualTo(1);
        assertThat(put.failedEntries()).singleElement().satisfies(f -> assertThat(f.targetId()).isEqualTo("topic"));
        assertThatThrownBy(() -> events.deleteRule(r -> r.name(ruleName).eventBusName(bus)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        events.removeTargets(r -> r.rule(ruleName).eventBusName(bus).ids("q"));
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name(bus)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("has rules"));
        events.deleteRule(r -> r.name(ruleName).eventBusName(bus));
        assertThat(events.listRules(r -> r.eventBusName(bus)).rules()).isEmpty();
        events.deleteEventBus(b -> b.name(bus));
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name(bus))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aTargetWithInputPathReceivesTheSelectedPart() throws Exception {
        Queue queue = queue("detail-only");
        String ruleName = name("detail-only");
        events.putRule(r -> r.name(ruleName).eventPattern("{\"detail-type\":[\"" + ruleName + "\"]}"));
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("q").arn(queue.arn())
                .inputPath("$.detail").build()));

        events.putEvents(p -> p.entries(entry(null, "mallbots.test", ruleName, "{\"a\":{\"b\":1}}")));

        assertThat(JSON.readTree(queue.receiveOne().body())).isEqualTo(JSON.readTree("{\"a\":{\"b\":1}}"));
    }

    @Test
    void aRateRuleFiresAScheduledEventWhenItsTimeComes() throws Exception {
        Queue queue = queue("ticks");
        String ruleName = name("every-minute");
        String ruleArn = events.putRule(r -> r.name(ruleName).scheduleExpression("rate(1 minute)")).ruleArn();
        events.putTargets(t -> t.rule(ruleName).targets(Target.builder().id("q").arn(queue.arn()).build()));
        queue.receivesNothingFor(Duration.ofMillis(300));

        CLOCK.advance(Duration.ofSeconds(61));

        JsonNode event = JSON.readTree(queue.receiveOne().body());
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("resources").get(0).asText()).isEqualTo(ruleArn);
        assertThat(event.get("detail").isEmpty()).isTrue();
        events.disableRule(r -> r.name(ruleName));
        CLOCK.advance(Duration.ofSeconds(61));
        queue.receivesNothingFor(Duration.ofMillis(500));
    }

    @Test
    void cronRulesOfCommonFormsAreAcceptedAndOthersRejected() {
        events.putRule(r -> r.name(name("quarterly")).scheduleExpression("cron(0/15 * * * ? *)"));

        assertThatThrownBy(() -> events.putRule(r -> r.name(name("last-day")).scheduleExpression("cron(0 12 L * ? *)")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("not supported"));
    }

    @Test
    void testEventPatternMatchesAsRulesDo() {
        String event = "{\"id\":\"1\",\"account\":\"000000000000\",\"source\":\"mallbots.orders\",\"time\":"
                + "\"2026-11-27T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail-type\":\"OrderPlaced\","
                + "\"detail\":{\"total\":12}}";

        assertThat(events.testEventPattern(t -> t.event(event)
                .eventPattern("{\"detail\":{\"total\":[{\"numeric\":[\">\",10]}]}}")).result()).isTrue();
        assertThat(events.testEventPattern(t -> t.event(event)
                .eventPattern("{\"source\":[\"mallbots.stores\"]}")).result()).isFalse();
    }

    @Test
    void archivesKeepTheirDefinition() {
        String archive = name("orders-archive");
        String busArn = events.describeEventBus(b -> b.name("default")).arn();

        String arn = events.createArchive(a -> a.archiveName(archive).eventSourceArn(busArn)
                .eventPattern("{\"source\":[\"mallbots.orders\"]}").retentionDays(7)).archiveArn();

        var described = events.describeArchive(a -> a.archiveName(archive));
        assertThat(described.archiveArn()).isEqualTo(arn);
        assertThat(described.eventSourceArn()).isEqualTo(busArn);
        assertThat(described.retentionDays()).isEqualTo(7);
        assertThat(events.listArchives(a -> a.namePrefix(archive)).archives()).extracting(a -> a.archiveName())
                .containsExactly(archive);
        assertThatThrownBy(() -> events.describeArchive(a -> a.archiveName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ---- helpers

    private static String name(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private static PutEventsRequestEntry entry(String bus, String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(detailType).detail(detail)
                .build();
    }

    private static void rule(String bus, String ruleName, String pattern, Queue queue) {
        events.putRule(r -> r.name(ruleName).eventBusName(bus).eventPattern(pattern));
        events.putTargets(t -> t.rule(ruleName).eventBusName(bus).targets(Target.builder().id("queue")
                .arn(queue.arn()).build()));
    }

    private static void awaitDelivery(String eventId, Delivery.Result result) {
        await("a " + result + " delivery of " + eventId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> DELIVERIES.stream().anyMatch(d -> d.eventId().equals(eventId) && d.result() == result));
    }

    private static Queue queue(String prefix) {
        String url = sqs.createQueue(c -> c.queueName(name(prefix))).queueUrl();
        String arn = sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    private record Queue(String url, String arn) {

        Message receiveOne() {
            List<Message> messages = await("a message on " + url).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).until(this::receive, received -> !received.isEmpty());
            assertThat(messages).as("a message on " + url).hasSize(1);
            return messages.getFirst();
        }

        /**
         * What the queue holds once the endpoint has no delivery pending: rules match when
         * PutEvents is called and each delivery is journaled before it answers, so nothing can
         * arrive later.
         */
        List<Message> receiveOnceNothingIsPending() throws Exception {
            await("no delivery pending").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> DeliveryJournalTest.deliveries(endpoint.uri()).get("deliveries").isEmpty());
            return receive();
        }

        /** For a scheduled rule, which fires on the schedule runner's next tick: nothing for that long. */
        void receivesNothingFor(Duration window) {
            await("nothing on " + url).during(window).atMost(window.plusSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> receive().isEmpty());
        }

        List<Message> receive() {
            return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages();
        }
    }
}
