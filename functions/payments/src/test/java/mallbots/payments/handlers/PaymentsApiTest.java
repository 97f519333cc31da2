package mallbots.payments.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mallbots.messages.payments.InvoicePaid;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.ApiGatewayEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The payments HTTP API: real HTTP API events into the function, on a real table (dynalite). */
class PaymentsApiTest {

    private static final String CUSTOMER = "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03";

    private final PaymentsTestbed testbed = new PaymentsTestbed();
    private final PaymentsApiFunction api = new PaymentsApiFunction(testbed.module);

    @Test
    void authorizesAPaymentAndAnswersItsId() {
        APIGatewayV2HTTPResponse response = call("POST /api/payments", "/api/payments",
                "{\"customerId\": \"" + CUSTOMER + "\", \"amount\": \"12.5\"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode body = PaymentsTestbed.json(response.getBody());
        assertThat(body.size()).isEqualTo(1);
        String id = body.get("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);

        Map<String, AttributeValue> item = testbed.paymentItem(id);
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(PaymentsTestbed.json(item.get("state").s())).isEqualTo(PaymentsTestbed.json(
                "{\"id\":\"" + id + "\",\"customerId\":\"" + CUSTOMER + "\",\"amount\":\"12.50\"}"));
        // a payment announces nothing: only its id leaves the context (in the basket's checkout)
        assertThat(testbed.bus.published()).isEmpty();
        assertThat(item).doesNotContainKey("outboxPending");
    }

    @Test
    void readsAPaymentWithTheAmountAsTwoDecimalsAndTheCustomerInLowerCase() {
        String id = authorize(CUSTOMER.toUpperCase(), "7");

        APIGatewayV2HTTPResponse response = call("GET /api/payments/{id}", "/api/payments/" + id, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(PaymentsTestbed.json(response.getBody())).isEqualTo(PaymentsTestbed.json(
                "{\"id\":\"" + id + "\",\"customerId\":\"" + CUSTOMER + "\",\"amount\":\"7.00\"}"));
    }

    @Test
    void anAmountMayBeSentAsANumberReadAsTheDecimalWritten() {
        String id = authorize(CUSTOMER, "9.99", false);

        assertThat(PaymentsTestbed.json(testbed.paymentItem(id).get("state").s()).get("amount").asText())
                .isEqualTo("9.99");
    }

    @ParameterizedTest(name = "authorize with {0}")
    @CsvSource(delimiter = '|', value = {
            "'{\"customerId\": '                                                | 'body: malformed JSON at line 1, column 16'",
            "''                                                                 | 'body: is required'",
            "'[]'                                                               | 'body: must be a JSON object'",
            "'{\"customerId\": \"" + CUSTOMER + "\"}'                           | 'amount: is required'",
            "'{\"customerId\": 42, \"amount\": \"10.00\"}'                      | 'customerId: must be a string'",
            "'{\"customerId\": \"" + CUSTOMER + "\", \"amount\": true}'         | 'amount: must be an amount of money with at most two decimals, like 12.50'",
            "'{\"customerId\": \"" + CUSTOMER + "\", \"amount\": \"ten\"}'      | 'amount: must be an amount of money with at most two decimals, like 12.50'",
            "'{\"customerId\": \"" + CUSTOMER + "\", \"amount\": \"1.005\"}'    | 'amount: must be an amount of money with at most two decimals, like 12.50'",
            "'{\"customerId\": \"" + CUSTOMER + "\", \"amount\": 0}'            | 'amount must be more than 0.00: 0.00'",
            "'{\"customerId\": \"" + CUSTOMER + "\", \"amount\": \"-5\"}'       | 'amount must be more than 0.00: -5.00'",
            "'{\"customerId\": \"" + CUSTOMER + "\", \"amount\": 1, \"tip\": 1}' | 'tip: unknown field'"})
    void badAuthorizationsAreRefusedNamingTheFieldAndStoreNothing(String body, String message) {
        APIGatewayV2HTTPResponse response = call("POST /api/payments", "/api/payments", body.isEmpty() ? null : body);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(messageOf(response)).isEqualTo(message);
        assertThat(testbed.allItems()).isEmpty();
        assertThat(testbed.bus.published()).isEmpty();
    }

    @Test
    void aPaymentIsTheCallersAndAnotherCustomersPaymentAndInvoiceAreNotFound() {
        String paymentId = authorize(CUSTOMER, "3.00");
        String orderId = invoiced("3.00");
        String other = UUID.randomUUID().toString();
        var before = testbed.allItems();

        APIGatewayV2HTTPResponse forAnother = call("POST /api/payments", "/api/payments",
                "{\"customerId\": \"" + other + "\", \"amount\": 1}");
        APIGatewayV2HTTPResponse payment = call("GET /api/payments/{id}", "/api/payments/" + paymentId, null, other);
        APIGatewayV2HTTPResponse invoice = call("GET /api/payments/invoices/{id}", "/api/payments/invoices/" + orderId,
                null, other);
        APIGatewayV2HTTPResponse pay = call("PUT /api/payments/invoices/{id}/pay",
                "/api/payments/invoices/" + orderId + "/pay", null, other);

        assertThat(forAnother.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(forAnother)).isEqualTo("customer " + other + " not found");
        assertThat(payment.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(payment)).isEqualTo("payment " + paymentId + " not found");
        assertThat(invoice.getStatusCode()).isEqualTo(404);
        assertThat(pay.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(pay)).isEqualTo("invoice " + orderId + " not found");
        assertThat(testbed.allItems()).isEqualTo(before);

        APIGatewayV2HTTPResponse withoutCustomerId = call("POST /api/payments", "/api/payments", "{\"amount\": 1}");
        assertThat(withoutCustomerId.getStatusCode()).isEqualTo(201);
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        String id = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse response = call("GET /api/payments/{id}", "/api/payments/" + id, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(response)).isEqualTo("payment " + id + " not found");
    }

    @ParameterizedTest(name = "{0} with a blank id")
    @CsvSource({
            "GET /api/payments/{id}, /api/payments/%20",
            "GET /api/payments/invoices/{id}, /api/payments/invoices/%20",
            "PUT /api/payments/invoices/{id}/pay, /api/payments/invoices/%20/pay"})
    void aBlankIdIsABadRequest(String route, String path) {
        APIGatewayV2HTTPResponse response = call(route, path, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(messageOf(response)).isEqualTo("id: must not be blank");
        assertThat(testbed.allItems()).isEmpty();
    }

    @Test
    void anInvoiceIsNotAPaymentNorAPaymentAnInvoice() {
        String orderId = invoiced("10.00");
        String paymentId = authorize(CUSTOMER, "10.00");

        APIGatewayV2HTTPResponse payment = call("GET /api/payments/{id}", "/api/payments/" + orderId, null);
        APIGatewayV2HTTPResponse invoice = call("GET /api/payments/invoices/{id}",
                "/api/payments/invoices/" + paymentId, null);

        assertThat(payment.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(payment)).isEqualTo("payment " + orderId + " not found");
        assertThat(invoice.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(invoice)).isEqualTo("invoice " + paymentId + " not found");
    }

    @Test
    void readsAPendingInvoice() {
        String orderId = invoiced("31.98");

        APIGatewayV2HTTPResponse response = call("GET /api/payments/invoices/{id}",
                "/api/payments/invoices/" + orderId, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(PaymentsTestbed.json(response.getBody())).isEqualTo(PaymentsTestbed.json(
                "{\"id\":\"" + orderId + "\",\"orderId\":\"" + orderId + "\",\"amount\":\"31.98\",\"status\":\"pending\"}"));
    }

    @Test
    void paysAPendingInvoiceAndAnnouncesItWithTheItemsNewVersion() {
        String orderId = invoiced("31.98");
        int before = testbed.bus.published().size();

        APIGatewayV2HTTPResponse response = pay(orderId);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(PaymentsTestbed.json(response.getBody())).isEqualTo(PaymentsTestbed.json(
                "{\"id\":\"" + orderId + "\",\"orderId\":\"" + orderId + "\",\"amount\":\"31.98\",\"status\":\"paid\"}"));
        Map<String, AttributeValue> item = testbed.invoiceItem(orderId);
        assertThat(item.get("version").n()).isEqualTo("2");
        assertThat(item.get("state").s()).contains("\"status\":\"paid\"");
        assertThat(item.get("outbox").m()).isEmpty();

        List<Message<?>> published = testbed.published();
        assertThat(published).hasSize(before + 1);
        Message<?> paid = published.getLast();
        assertThat(paid.type()).isEqualTo(PaymentsMessages.INVOICE_PAID);
        assertThat(paid.data()).isEqualTo(new InvoicePaid(orderId, orderId, Money.of("31.98")));
        assertThat(paid.metadata().aggregateId()).isEqualTo(orderId);
        assertThat(paid.metadata().aggregateVersion()).isEqualTo(2L);
        // an HTTP request starts a flow of its own
        assertThat(paid.metadata().causationId()).isEqualTo(paid.messageId());
        assertThat(paid.metadata().correlationId()).isEqualTo(paid.messageId());
    }

    @Test
    void aPaidInvoiceCannotBePaidAgainAndNothingChanges() {
        String orderId = invoiced("5.00");
        assertThat(pay(orderId).getStatusCode()).isEqualTo(200);
        List<Map<String, AttributeValue>> before = testbed.allItems();
        int publishedBefore = testbed.bus.published().size();

        APIGatewayV2HTTPResponse again = pay(orderId);

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(messageOf(again)).isEqualTo("invoice " + orderId + " is paid: only a pending invoice can be paid");
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.bus.published()).hasSize(publishedBefore);
    }

    @Test
    void aCanceledInvoiceCannotBePaidAndNothingChanges() {
        String orderId = invoiced("5.00");
        testbed.module.cancelInvoice().cancel(Cause.of(Metadata.first()), orderId);
        List<Map<String, AttributeValue>> before = testbed.allItems();
        int publishedBefore = testbed.bus.published().size();

        APIGatewayV2HTTPResponse response = pay(orderId);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(messageOf(response))
                .isEqualTo("invoice " + orderId + " is canceled: only a pending invoice can be paid");
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.bus.published()).hasSize(publishedBefore);
    }

    @Test
    void anUnknownInvoiceIsNotFoundToReadOrPayAndNothingIsStored() {
        String id = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse read = call("GET /api/payments/invoices/{id}", "/api/payments/invoices/" + id, null);
        APIGatewayV2HTTPResponse paid = pay(id);

        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(read)).isEqualTo("invoice " + id + " not found");
        assertThat(paid.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(paid)).isEqualTo("invoice " + id + " not found");
        assertThat(testbed.allItems()).isEmpty();
        assertThat(testbed.bus.published()).isEmpty();
    }

    @Test
    void ofClientsPayingTheSameInvoiceAtOnceExactlyOneDoes() throws Exception {
        String orderId = invoiced("12.00");
        int clients = 4;

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                responses.add(threads.submit(() -> pay(orderId)));
            }
            for (Future<APIGatewayV2HTTPResponse> response : responses) {
                statuses.add(response.get().getStatusCode());
            }
        }

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        assertThat(testbed.published()).filteredOn(message -> message.type().equals(PaymentsMessages.INVOICE_PAID))
                .hasSize(1);
        assertThat(testbed.invoiceItem(orderId).get("version").n()).isEqualTo("2");
    }

    @Test
    void theLocalCloudsDefaultRouteReachesTheSameRoutes() {
        String paymentId = authorize(CUSTOMER, "3.00");
        String orderId = invoiced("3.00");

        APIGatewayV2HTTPResponse payment = api.handleRequest(
                ApiGatewayEvents.defaultRoute("GET", "/api/payments/" + paymentId).caller(CUSTOMER, "mallbots/customer").build(), null);
        APIGatewayV2HTTPResponse invoice = api.handleRequest(
                ApiGatewayEvents.defaultRoute("GET", "/api/payments/invoices/" + orderId).caller(CUSTOMER, "mallbots/customer").build(), null);
        APIGatewayV2HTTPResponse paid = api.handleRequest(
                ApiGatewayEvents.defaultRoute("PUT", "/api/payments/invoices/" + orderId + "/pay").caller(CUSTOMER, "mallbots/customer").build(), null);

        assertThat(payment.getStatusCode()).isEqualTo(200);
        assertThat(PaymentsTestbed.json(payment.getBody()).get("id").asText()).isEqualTo(paymentId);
        assertThat(invoice.getStatusCode()).isEqualTo(200);
        assertThat(PaymentsTestbed.json(invoice.getBody()).get("status").asText()).isEqualTo("pending");
        assertThat(paid.getStatusCode()).isEqualTo(200);
        assertThat(PaymentsTestbed.json(paid.getBody()).get("status").asText()).isEqualTo("paid");
    }

    @Test
    void aWrongMethodIsRefusedWithTheAllowedOnes() {
        APIGatewayV2HTTPResponse response = api.handleRequest(
                ApiGatewayEvents.defaultRoute("DELETE", "/api/payments/invoices/" + UUID.randomUUID()).build(), null);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "GET");
    }

    /** An invoice issued as OrderReadied issues it, for an order of a new id. */
    private String invoiced(String total) {
        String orderId = UUID.randomUUID().toString();
        Metadata readied = Metadata.first().withAggregate(orderId, 5);
        assertThat(testbed.module.issueInvoice().issue(Cause.of(readied), orderId, CUSTOMER, Money.of(total))).isTrue();
        return orderId;
    }

    private String authorize(String customerId, String amount) {
        return authorize(customerId, amount, true);
    }

    private String authorize(String customerId, String amount, boolean asString) {
        String value = asString ? "\"" + amount + "\"" : amount;
        APIGatewayV2HTTPResponse response = call("POST /api/payments", "/api/payments",
                "{\"customerId\": \"" + customerId + "\", \"amount\": " + value + "}");
        assertThat(response.getStatusCode()).isEqualTo(201);
        return PaymentsTestbed.json(response.getBody()).get("id").asText();
    }

    private APIGatewayV2HTTPResponse pay(String invoiceId) {
        return call("PUT /api/payments/invoices/{id}/pay", "/api/payments/invoices/" + invoiceId + "/pay", null);
    }

    /** As the customer CUSTOMER, whose token API Gateway's authorizer verified. */
    private APIGatewayV2HTTPResponse call(String routeKey, String path, String json) {
        return call(routeKey, path, json, CUSTOMER);
    }

    private APIGatewayV2HTTPResponse call(String routeKey, String path, String json, String caller) {
        ApiGatewayEvents event = ApiGatewayEvents.route(routeKey).path(path).caller(caller, "mallbots/customer");
        if (json != null) {
            event.json(json);
        }
        return api.handleRequest(event.build(), null);
    }

    private static String messageOf(APIGatewayV2HTTPResponse response) {
        JsonNode body = PaymentsTestbed.json(response.getBody());
        assertThat(body.fieldNames()).toIterable().containsExactly("message");
        return body.get("message").asText();
    }
}
