package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Saga deadlines in the whole system, with steps of 1 s and one resend: an AuthorizeCustomer that
 * never reaches customers (its rule disabled) is sent again, then the saga gives up and the order
 * ends rejected with the reason "timed out", its shopping list canceled; a pending order canceled
 * by its customer finishes its saga. The deadline function runs on the test's own beat (every
 * 200 ms, as its schedule would every minute); its schedule rule is disabled so that only the
 * test drives it.
 */
class SagaDeadlinesSystemTest {

    private static SystemCloud system;
    private static Mall mall;
    private static ScheduledExecutorService beat;
    private static String authorizeRule;

    @BeforeAll
    static void start() {
        system = SystemCloud.start(1, Map.of("SagaStepDeadlineSeconds", "1", "SagaStepResends", "1"));
        mall = new Mall(system);
        EventBridgeClient events = system.local().clients().events();
        events.disableRule(r -> r.name(rule("default", "CosecSagaDeadlines")));
        authorizeRule = rule("mallbots", "CustomersAuthorizeCustomerRule");
        beat = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        if (beat != null) {
            beat.shutdownNow();
        }
        if (system != null) {
            system.close();
        }
    }

    @AfterEach
    void authorizeAgain() {
        system.local().clients().events().enableRule(r -> r.name(authorizeRule).eventBusName("mallbots"));
    }

    @Test
    void an_order_whose_customer_is_never_asked_ends_rejected_as_timed_out() {
        Product bolt = mall.storeWithProduct("Bolt", "1.25");
        String customer = mall.customer("Ada");
        String payment = mall.payment(customer, "10.00");
        system.local().clients().events().disableRule(r -> r.name(authorizeRule).eventBusName("mallbots"));
        beat.scheduleWithFixedDelay(SagaDeadlinesSystemTest::sweep, 200, 200, TimeUnit.MILLISECONDS);

        String order = mall.checkOut(customer, payment, Map.of(bolt, 2));

        JsonNode rejected = mall.orderBecomes(order, "rejected");
        assertThat(rejected.path("rejectedReason").asText()).isEqualTo("timed out");
        Map<String, AttributeValue> saga = sagaItem(order);
        JsonNode state = SystemCloud.parse(saga.get("state").s());
        assertThat(state.path("done").asBoolean()).isTrue();
        assertThat(state.path("reason").asText()).isEqualTo("timed out");
        assertThat(state.path("resends").asInt()).isEqualTo(1);
        assertThat(saga).doesNotContainKeys("deadlineDue", "deadlineAt");
        // the list the depot made in parallel is canceled by the compensation
        String list = state.path("data").path("shoppingListId").asText();
        assertThat(list).isNotBlank();
        mall.shoppingListBecomes(list, "canceled");
    }

    @Test
    void a_pending_order_canceled_by_its_customer_finishes_its_saga() {
        Product nut = mall.storeWithProduct("Nut", "0.40");
        String customer = mall.customer("Grace");
        String payment = mall.payment(customer, "10.00");
        // no deadline runs here: the saga waits for the customer's authorization until the cancel
        system.local().clients().events().disableRule(r -> r.name(authorizeRule).eventBusName("mallbots"));

        String order = mall.checkOut(customer, payment, Map.of(nut, 3));
        mall.orderBecomes(order, "pending");
        assertThat(mall.call("DELETE", "/api/ordering/" + order, null).status()).isBetween(200, 204);

        mall.orderBecomes(order, "canceled");
        JsonNode state = Mall.eventually("saga of " + order + " done",
                () -> SystemCloud.parse(sagaItem(order).get("state").s()),
                saga -> saga.path("done").asBoolean());
        assertThat(state.path("reason").asText()).isEqualTo("order canceled");
        assertThat(sagaItem(order)).doesNotContainKeys("deadlineDue", "deadlineAt");
    }

    /** What the schedule does: run the deadline function with a scheduled event. */
    private static void sweep() {
        try {
            system.local().host().invoke("arn:aws:lambda:us-east-1:000000000000:function:CosecSagaDeadlines", "{\"version\":\"0\",\"id\":\"test-beat\","
                    + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":\"2026-12-02T08:00:00Z\","
                    + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}");
        } catch (Exception e) {
            System.err.println("deadline sweep failed: " + e);
        }
    }

    private static Map<String, AttributeValue> sagaItem(String orderId) {
        var dynamo = system.local().clients().dynamo();
        String table = dynamo.listTables().tableNames().stream().filter(name -> name.endsWith("-cosec")).findFirst()
                .orElseThrow();
        return dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("saga#" + orderId)))).item();
    }

    private static String rule(String bus, String logicalId) {
        return system.local().clients().events().listRules(r -> r.eventBusName(bus)).rules().stream()
                .map(rule -> rule.name()).filter(name -> name.contains(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + logicalId + " on " + bus));
    }
}
