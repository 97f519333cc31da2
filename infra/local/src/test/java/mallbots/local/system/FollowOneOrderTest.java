package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mallbots.local.TestAccess;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One order followed end to end after a lifecycle run through the HTTP API: its trace (the
 * {@code ./mallbots trace} command, reading the state directory, and the endpoint's
 * /_mallbots/trace), and the functions' JSON log lines, kept queryable at /_mallbots/logs,
 * each carrying the ids of the message whose handling wrote it.
 */
class FollowOneOrderTest {

    private static final SystemCloud SYSTEM = SystemCloud.shared();
    private static final Mall MALL = new Mall(SYSTEM);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String order;
    private static String customer;

    @BeforeAll
    static void anOrderGoesFromCheckoutToCompleted() {
        Product bolt = MALL.storeWithProduct("Traced bolt", "1.25");
        customer = MALL.customer("Tracy");
        order = MALL.checkOut(customer, MALL.payment(customer, "5.00"), Map.of(bolt, 2));
        MALL.completeOrder(order);
        // the last notification is sent after the order completed: wait for it, so the flow is whole
        MALL.notificationsOnceThereAre(customer, 3);
    }

    private static JsonNode get(String pathAndQuery) throws Exception {
        URI uri = SYSTEM.local().awsEndpoint().resolve(pathAndQuery);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> detailTypes(JsonNode trace) {
        List<String> types = new ArrayList<>();
        trace.path("messages").forEach(m -> types.add(m.path("detailType").asText()));
        return types;
    }

    @Test
    void the_trace_command_shows_every_message_of_the_order_and_who_handled_it() throws Exception {
        Path stateDir = SYSTEM.local().observability().flow().file().getParent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        JsonNode trace = Mall.eventually("the trace to hold the OrderCompleted notification", () -> {
            out.reset();
            int code = TestAccess.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "trace", order, "--json",
                    "--state-dir", stateDir.toString());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            try {
                return JSON.readTree(out.toString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, t -> {
            for (JsonNode message : t.path("messages")) {
                if (message.path("detailType").asText().equals("OrderCompleted")) {
                    return message.path("handlings").findValuesAsText("function").contains("NotificationsEvents");
                }
            }
            return false;
        });

        // four flows: the basket started, the checkout, the bot's delivery, the payment of the invoice
        assertThat(trace.path("correlationIds")).hasSize(4);
        assertThat(detailTypes(trace).get(0)).isEqualTo("BasketStarted");
        assertThat(detailTypes(trace)).contains("BasketCheckedOut", "OrderCreated", "AuthorizeCustomer",
                "CreateShoppingList", "ConfirmPayment", "InitiateShopping", "ApproveOrder", "OrderApproved",
                "ShoppingListCompleted", "OrderReadied", "InvoiceCreated", "InvoicePaid", "OrderCompleted");
        assertThat(detailTypes(trace).indexOf("OrderCreated")).isLessThan(detailTypes(trace).indexOf("OrderApproved"));
        assertThat(detailTypes(trace).indexOf("OrderApproved")).isLessThan(detailTypes(trace).indexOf("OrderReadied"));
        assertThat(detailTypes(trace).indexOf("OrderReadied")).isLessThan(detailTypes(trace).indexOf("OrderCompleted"));
        for (JsonNode message : trace.path("messages")) {
            // every message that a rule sent somewhere was handled (no context subscribes to InvoiceCreated)
            if (message.path("targets").asInt() > 0) {
                assertThat(message.path("handlings")).as(message.path("detailType").asText()).isNotEmpty();
            }
            assertThat(message.path("publishedAt").asLong()).as("published").isPositive();
            for (JsonNode handling : message.path("handlings")) {
                assertThat(handling.path("outcome").asText()).isEqualTo("ok");
                assertThat(handling.path("ms").asLong()).isNotNegative();
                assertThat(handling.path("at").asLong()).isGreaterThanOrEqualTo(message.path("occurredAt").asLong() - 5);
            }
        }
        JsonNode created = find(trace, "OrderCreated");
        Set<String> handlers = new java.util.TreeSet<>();
        created.path("handlings").forEach(h -> handlers.add(h.path("function").asText()));
        assertThat(handlers).contains("CosecEvents", "SearchEvents", "NotificationsEvents");

        // the timeline as people read it
        out.reset();
        assertThat(TestAccess.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "trace", order, "--state-dir", stateDir.toString()))
                .isZero();
        String timeline = out.toString(StandardCharsets.UTF_8);
        System.out.println(timeline);
        assertThat(timeline).startsWith("trace of " + order + ": 4 flows, ").contains("OrderCompleted")
                .contains("-> OrderingEvents").contains("ok");

        // the trace context of each HTTP request is carried through every message of its flow
        for (String correlation : List.of(find(trace, "OrderCreated").path("correlationId").asText(),
                find(trace, "OrderCompleted").path("correlationId").asText())) {
            Set<String> headers = new java.util.HashSet<>();
            for (JsonNode message : trace.path("messages")) {
                if (message.path("correlationId").asText().equals(correlation)) {
                    headers.add(message.path("traceHeader").asText());
                }
            }
            assertThat(headers).singleElement().asString().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        }
        assertThat(find(trace, "OrderCreated").path("traceHeader"))
                .isNotEqualTo(find(trace, "OrderCompleted").path("traceHeader"));
        String root = find(trace, "OrderCreated").path("traceHeader").asText().substring("Root=".length());
        assertThat(detailTypes(get("/_mallbots/trace?id=" + root))).contains("BasketCheckedOut", "OrderApproved")
                .doesNotContain("OrderCompleted");

        // the endpoint serves the same trace while the system runs
        assertThat(detailTypes(get("/_mallbots/trace?id=" + order))).containsAll(detailTypes(trace));
        // and a correlation id alone gives its flow
        String checkout = find(trace, "OrderCreated").path("correlationId").asText();
        JsonNode flow = get("/_mallbots/trace?id=" + checkout);
        assertThat(flow.path("correlationIds")).hasSize(1);
        assertThat(detailTypes(flow)).contains("OrderCreated", "OrderApproved").doesNotContain("OrderCompleted");
    }

    @Test
    void a_message_on_a_queue_carries_its_trace_header_as_the_aws_trace_header() {
        // what X-Ray follows: PutEvents' TraceHeader, which EventBridge sets on an SQS target's message
        String queueUrl = SYSTEM.watch("traced-" + Mall.newId().substring(0, 8),
                "{\"source\":[\"mallbots.customers\"],\"detail-type\":[\"CustomerRegistered\"]}");
        String customer = MALL.customer("Tracey");

        Message registered = Mall.eventually("the CustomerRegistered", () ->
                SYSTEM.local().clients().sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER))
                        .messages().stream().filter(m -> m.body().contains(customer)).findFirst().orElse(null),
                found -> found != null);

        String header = registered.attributesAsStrings().get("AWSTraceHeader");
        assertThat(header).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(SystemCloud.parse(registered.body()).path("detail").path("metadata").path("traceHeader").asText())
                .isEqualTo(header);
    }

    @Test
    void a_trace_of_an_unknown_id_says_so_and_fails() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path stateDir = SYSTEM.local().observability().flow().file().getParent();
        int code = TestAccess.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "trace", Mall.newId(), "--state-dir", stateDir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no message about");
    }

    @Test
    void every_log_line_written_while_a_message_is_handled_carries_its_ids() throws Exception {
        JsonNode trace = get("/_mallbots/trace?id=" + order);
        JsonNode created = find(trace, "OrderCreated");
        String correlation = created.path("correlationId").asText();

        // the notifications function logs the SMS it would send for OrderCreated
        JsonNode lines = Mall.eventually("the notification's log line", () -> {
            try {
                return get("/_mallbots/logs?correlationId=" + correlation + "&function=NotificationsEvents").path("lines");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, found -> found.size() > 0);
        for (JsonNode line : lines) {
            assertThat(line.path("function").asText()).isEqualTo("NotificationsEvents");
            assertThat(line.path("AWSRequestId").asText()).isNotBlank();
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("correlationId").asText()).isEqualTo(correlation);
            assertThat(line.path("messageId").asText()).isNotBlank();
            assertThat(line.path("causationId").asText()).isNotBlank();
            assertThat(line.path("detailType").asText()).isNotBlank();
        }
        JsonNode sms = null;
        for (JsonNode line : lines) {
            if (line.path("detailType").asText().equals("OrderCreated")) {
                sms = line;
            }
        }
        assertThat(sms).as("the OrderCreated notification's line").isNotNull();
        assertThat(sms.path("message").asText()).startsWith("SMS to");
        assertThat(sms.path("messageId").asText()).isEqualTo(created.path("messageId").asText());
        assertThat(sms.path("aggregateId").asText()).isEqualTo(order);

        // every line kept, of any function, that belongs to a message carries its flow
        for (JsonNode line : get("/_mallbots/logs?limit=20000").path("lines")) {
            if (line.hasNonNull("messageId")) {
                assertThat(line.path("correlationId").asText()).as(line.toString()).isNotBlank();
                assertThat(line.path("causationId").asText()).as(line.toString()).isNotBlank();
            }
        }
        // and the state directory keeps them, one JSON object per line
        Path logs = SYSTEM.local().observability().logs().file();
        List<String> kept = java.nio.file.Files.readAllLines(logs);
        assertThat(kept).isNotEmpty();
        assertThat(kept.stream().filter(l -> l.contains(created.path("messageId").asText()))).isNotEmpty();
        for (String line : kept) {
            assertThat(JSON.readTree(line).isObject()).isTrue();
        }
    }

    @Test
    void the_functions_metrics_are_emitted_in_emf_and_collected() throws Exception {
        // a refused customer: the saga rejects the order, counted by its reason
        Product washer = MALL.storeWithProduct("Metered washer", "0.10");
        String refused = MALL.customer("Rex");
        String payment = MALL.payment(refused, "1.00");
        assertThat(MALL.call("PUT", "/api/customers/" + refused + "/disable", null).status()).isEqualTo(200);
        MALL.orderBecomes(MALL.checkOut(refused, payment, Map.of(washer, 1)), "rejected");

        JsonNode metrics = Mall.eventually("the rejection counted", () -> {
            try {
                return get("/_mallbots/metrics").path("metrics");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, found -> sum(found, "OrdersRejectedByReason", Map.of()) >= 1);
        assertThat(sum(metrics0(), "OrdersRejected", Map.of("service", "OrderingEvents"))).isGreaterThanOrEqualTo(1);
        for (String name : List.of("OrdersCreated", "OrdersApproved", "OrdersReady", "OrdersCompleted")) {
            assertThat(sum(metrics, name, Map.of("service", "OrderingEvents"))).as(name).isGreaterThanOrEqualTo(1);
        }
        assertThat(sum(metrics, "OrderApprovalMillis", Map.of())).isPositive();
        // the saga's steps, each timed by cosec from its commands to each reply
        assertThat(metrics.findParents("name").stream().filter(m -> m.path("name").asText().equals("SagaStepMillis"))
                .filter(m -> m.path("dimensions").path("service").asText().equals("CosecEvents"))
                .map(m -> m.path("dimensions").path("step").asText()).toList())
                .contains("AuthorizeCustomer", "CreateShoppingList", "ConfirmPayment", "InitiateShopping", "ApproveOrder");
        JsonNode rejected = metrics.findParents("name").stream()
                .filter(m -> m.path("name").asText().equals("OrdersRejectedByReason")).findFirst().orElseThrow();
        assertThat(rejected.path("dimensions").path("service").asText()).isEqualTo("CosecEvents");
        assertThat(rejected.path("dimensions").path("reason").asText()).isNotBlank().doesNotContain(refused);
        assertThat(sum(metrics, "HttpResponses", Map.of("method", "PUT", "route", "/api/baskets/{id}/checkout", "status", "2xx",
                "service", "BasketsApi"))).isGreaterThanOrEqualTo(2);
        assertThat(sum(metrics, "HttpResponses", Map.of("method", "GET", "route", "/api/ordering/{id}", "status", "2xx")))
                .isGreaterThanOrEqualTo(1);

        // as CloudWatch reads them: EMF lines in the functions' log stream
        JsonNode emf = null;
        for (JsonNode line : get("/_mallbots/logs?function=OrderingEvents&limit=20000").path("lines")) {
            if (line.path("_aws").has("CloudWatchMetrics") && line.has("OrdersCompleted")) {
                emf = line;
            }
        }
        assertThat(emf).as("an EMF line for OrdersCompleted").isNotNull();
        assertThat(emf.path("_aws").path("Timestamp").asLong()).isPositive();
        JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("MallBots");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("OrdersCompleted");
        assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
        assertThat(directive.path("Dimensions").get(0).toString()).contains("service");
        assertThat(emf.path("service").asText()).isEqualTo("OrderingEvents");
        assertThat(emf.path("OrdersCompleted").asDouble()).isEqualTo(1.0);
    }

    private static JsonNode metrics0() throws Exception {
        return get("/_mallbots/metrics").path("metrics");
    }

    private static double sum(JsonNode metrics, String name, Map<String, String> dimensions) {
        double sum = 0;
        for (JsonNode metric : metrics) {
            if (!metric.path("name").asText().equals(name)) {
                continue;
            }
            boolean matches = true;
            for (Map.Entry<String, String> d : dimensions.entrySet()) {
                matches &= d.getValue().equals(metric.path("dimensions").path(d.getKey()).asText());
            }
            if (matches) {
                sum += metric.path("sum").asDouble();
            }
        }
        return sum;
    }

    private static JsonNode find(JsonNode trace, String detailType) {
        for (JsonNode message : trace.path("messages")) {
            if (message.path("detailType").asText().equals(detailType)) {
                return message;
            }
        }
        throw new AssertionError("no " + detailType + " in " + trace);
    }
}
