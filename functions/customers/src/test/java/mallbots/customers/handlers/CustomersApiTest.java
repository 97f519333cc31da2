package mallbots.customers.handlers;

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
import mallbots.messages.customers.CustomerDisabled;
import mallbots.messages.customers.CustomerEnabled;
import mallbots.messages.customers.CustomerRegistered;
import mallbots.messages.customers.CustomerSmsChanged;
import mallbots.messages.customers.CustomersMessages;
import mallbots.platform.messaging.Message;
import mallbots.platform.testing.ApiGatewayEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CustomersApiTest {

    private final CustomersTestbed testbed = new CustomersTestbed();
    private final CustomersApiFunction api = new CustomersApiFunction(testbed.module);

    @Test
    void registersAnEnabledCustomerAndAnnouncesItAtVersionOne() {
        APIGatewayV2HTTPResponse response = call("POST /api/customers", "/api/customers",
                "{\"name\": \"  Ada Lovelace \", \"smsNumber\": \"+44 (20) 7946-0000\"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode body = CustomersTestbed.json(response.getBody());
        assertThat(body.size()).isEqualTo(1);
        String id = body.get("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);

        Map<String, AttributeValue> item = testbed.customerItem(id);
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(CustomersTestbed.json(item.get("state").s())).isEqualTo(CustomersTestbed.json(
                "{\"id\":\"" + id + "\",\"name\":\"Ada Lovelace\",\"smsNumber\":\"+442079460000\",\"enabled\":true}"));
        assertThat(item.get("outbox").m()).isEmpty();
        assertThat(item).doesNotContainKey("outboxPending");

        Message<?> registered = onlyPublished();
        assertThat(registered.type()).isEqualTo(CustomersMessages.CUSTOMER_REGISTERED);
        assertThat(registered.data()).isEqualTo(new CustomerRegistered(id, "Ada Lovelace", "+442079460000"));
        assertThat(registered.metadata().aggregateId()).isEqualTo(id);
        assertThat(registered.metadata().aggregateVersion()).isEqualTo(1L);
        assertThat(registered.metadata().causationId()).isEqualTo(registered.messageId());
        assertThat(registered.metadata().correlationId()).isEqualTo(registered.messageId());
    }

    @Test
    void readsACustomer() {
        String id = register("Grace", "555-0100-200");

        APIGatewayV2HTTPResponse response = call("GET /api/customers/{id}", "/api/customers/" + id, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(CustomersTestbed.json(response.getBody())).isEqualTo(CustomersTestbed.json(
                "{\"id\":\"" + id + "\",\"name\":\"Grace\",\"smsNumber\":\"5550100200\",\"enabled\":true}"));
    }

    @Test
    void theLocalCloudsDefaultRouteReachesTheSameRoutes() {
        String id = register("Grace", "555-0100-200");

        APIGatewayV2HTTPResponse read = api.handleRequest(
                ApiGatewayEvents.defaultRoute("GET", "/api/customers/" + id).caller(id, "mallbots/customer").build(), null);
        APIGatewayV2HTTPResponse disabled = api.handleRequest(ApiGatewayEvents.defaultRoute("PUT",
                "/api/customers/" + id + "/disable").caller(UUID.randomUUID().toString(), "mallbots/staff").build(), null);

        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(disabled.getStatusCode()).isEqualTo(200);
        assertThat(CustomersTestbed.json(disabled.getBody()).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void disablesEnablesAndChangesTheSmsNumberEachAnnouncedWithTheItemsNewVersion() {
        String id = register("Linus", "+1 555 010 0001");

        APIGatewayV2HTTPResponse disabled = call("PUT /api/customers/{id}/disable", "/api/customers/" + id + "/disable", null);
        APIGatewayV2HTTPResponse enabled = call("PUT /api/customers/{id}/enable", "/api/customers/" + id + "/enable", null);
        APIGatewayV2HTTPResponse changed = call("PUT /api/customers/{id}/change-sms",
                "/api/customers/" + id + "/change-sms", "{\"smsNumber\": \"+1 555 010 0002\"}");

        assertThat(disabled.getStatusCode()).isEqualTo(200);
        assertThat(CustomersTestbed.json(disabled.getBody())).isEqualTo(CustomersTestbed.json(
                "{\"id\":\"" + id + "\",\"name\":\"Linus\",\"smsNumber\":\"+15550100001\",\"enabled\":false}"));
        assertThat(enabled.getStatusCode()).isEqualTo(200);
        assertThat(CustomersTestbed.json(enabled.getBody()).get("enabled").asBoolean()).isTrue();
        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(CustomersTestbed.json(changed.getBody())).isEqualTo(CustomersTestbed.json(
                "{\"id\":\"" + id + "\",\"name\":\"Linus\",\"smsNumber\":\"+15550100002\",\"enabled\":true}"));

        List<Message<?>> published = testbed.published();
        assertThat(published).<Object>extracting(Message::data).containsExactly(
                new CustomerRegistered(id, "Linus", "+15550100001"),
                new CustomerDisabled(id),
                new CustomerEnabled(id),
                new CustomerSmsChanged(id, "+15550100002"));
        assertThat(published).extracting(message -> message.metadata().aggregateVersion()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(published).allSatisfy(message -> assertThat(message.metadata().aggregateId()).isEqualTo(id));
        assertThat(published).extracting(Message::messageId).doesNotHaveDuplicates();
        Map<String, AttributeValue> item = testbed.customerItem(id);
        assertThat(item.get("version").n()).isEqualTo("4");
        assertThat(item.get("outbox").m()).isEmpty();
    }

    @Test
    void concurrentChangesAreAllKeptEachAnnouncedWithItsOwnVersion() throws Exception {
        String id = register("Ada", "+15550100001");
        List<String> numbers = List.of("+15550100011", "+15550100012", "+15550100013", "+15550100014");

        try (ExecutorService threads = Executors.newFixedThreadPool(numbers.size())) {
            List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
            for (String number : numbers) {
                responses.add(threads.submit(() -> call("PUT /api/customers/{id}/change-sms",
                        "/api/customers/" + id + "/change-sms", "{\"smsNumber\": \"" + number + "\"}")));
            }
            for (Future<APIGatewayV2HTTPResponse> response : responses) {
                assertThat(response.get().getStatusCode()).isEqualTo(200);
            }
        }

        List<Message<?>> changes = testbed.published().stream()
                .filter(message -> message.type().equals(CustomersMessages.CUSTOMER_SMS_CHANGED)).toList();
        assertThat(changes).extracting(message -> ((CustomerSmsChanged) message.data()).smsNumber())
                .containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(changes).extracting(message -> message.metadata().aggregateVersion())
                .containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        Map<String, AttributeValue> item = testbed.customerItem(id);
        assertThat(item.get("version").n()).isEqualTo("5");
        Message<?> last = changes.stream()
                .filter(message -> message.metadata().aggregateVersion() == 5L).findFirst().orElseThrow();
        assertThat(item.get("state").s()).contains(((CustomerSmsChanged) last.data()).smsNumber());
    }

    @ParameterizedTest(name = "{0} twice is refused")
    @CsvSource({
            "disable, , 'customer %s is already disabled'",
            "enable, , 'customer %s is already enabled'",
            "change-sms, '{\"smsNumber\": \"+1 555 010 0001\"}', 'customer %s already has SMS number +15550100001'"})
    void aCommandTheRulesForbidIsAConflictAndChangesNothing(String command, String body, String message) {
        String id = register("Ada", "+15550100001");
        if (command.equals("disable")) {
            call("PUT /api/customers/{id}/disable", "/api/customers/" + id + "/disable", null);
        }
        List<Map<String, AttributeValue>> before = testbed.allItems();
        int publishedBefore = testbed.bus.published().size();

        APIGatewayV2HTTPResponse response = call("PUT /api/customers/{id}/" + command,
                "/api/customers/" + id + "/" + command, body);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(messageOf(response)).isEqualTo(message.formatted(id));
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.bus.published()).hasSize(publishedBefore);
    }

    @ParameterizedTest(name = "register with {0}")
    @CsvSource(delimiter = '|', value = {
            "'{\"name\": \"Ada\", '                                 | 'body: malformed JSON at line 1, column 17'",
            "''                                                     | 'body: is required'",
            "'[]'                                                   | 'body: must be a JSON object'",
            "'{\"smsNumber\": \"+15550100001\"}'                    | 'name: is required'",
            "'{\"name\": \"Ada\"}'                                  | 'smsNumber: is required'",
            "'{\"name\": null, \"smsNumber\": \"+15550100001\"}'    | 'name: is required'",
            "'{\"name\": 42, \"smsNumber\": \"+15550100001\"}'      | 'name: must be a string'",
            "'{\"name\": \"Ada\", \"smsNumber\": 15550100001}'      | 'smsNumber: must be a string'",
            "'{\"name\": \"  \", \"smsNumber\": \"+15550100001\"}'  | 'name is required'",
            "'{\"name\": \"Ada\", \"smsNumber\": \" \"}'            | 'smsNumber is required'",
            "'{\"name\": \"Ada\", \"smsNumber\": \"call me\"}'      | 'smsNumber must be 7 to 15 digits, optionally after a +: callme'",
            "'{\"name\": \"Ada\", \"smsNumber\": \"+1555\", \"vip\": true}' | 'vip: unknown field'"})
    void badRegistrationsAreRefusedNamingTheFieldAndStoreNothing(String body, String message) {
        APIGatewayV2HTTPResponse response = call("POST /api/customers", "/api/customers", body.isEmpty() ? null : body);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(messageOf(response)).isEqualTo(message);
        assertThat(testbed.allItems()).isEmpty();
        assertThat(testbed.bus.published()).isEmpty();
    }

    @ParameterizedTest(name = "change-sms with {0}")
    @CsvSource(delimiter = '|', value = {
            "'{\"smsNumber\": '           | 'body: malformed JSON'",
            "''                           | 'body: is required'",
            "'{}'                         | 'smsNumber: is required'",
            "'{\"smsNumber\": 5550100}'   | 'smsNumber: must be a string'",
            "'{\"smsNumber\": \"\"}'      | 'smsNumber is required'",
            "'{\"smsNumber\": \"12-34\"}' | 'smsNumber must be 7 to 15 digits, optionally after a +: 1234'",
            "'{\"sms\": \"+15550100002\"}' | 'smsNumber: is required'"})
    void badSmsChangesAreRefusedNamingTheFieldAndChangeNothing(String body, String message) {
        String id = register("Ada", "+15550100001");
        List<Map<String, AttributeValue>> before = testbed.allItems();

        APIGatewayV2HTTPResponse response = call("PUT /api/customers/{id}/change-sms",
                "/api/customers/" + id + "/change-sms", body.isEmpty() ? null : body);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(messageOf(response)).startsWith(message);
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.bus.published()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} of an unknown customer")
    @CsvSource({
            "GET, ''", "PUT, /enable", "PUT, /disable", "PUT, /change-sms"})
    void anUnknownCustomerIsNotFoundAndNothingIsCreated(String method, String suffix) {
        String id = UUID.randomUUID().toString();
        String body = suffix.equals("/change-sms") ? "{\"smsNumber\": \"+15550100002\"}" : null;

        APIGatewayV2HTTPResponse response = call(method + " /api/customers/{id}" + suffix,
                "/api/customers/" + id + suffix, body);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(response)).isEqualTo("customer " + id + " not found");
        assertThat(testbed.allItems()).isEmpty();
        assertThat(testbed.bus.published()).isEmpty();
    }

    @Test
    void anIdThatNamesAnotherKindOfItemIsNotACustomer() {
        APIGatewayV2HTTPResponse response = call("GET /api/customers/{id}", "/api/customers/command%23abc", null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(messageOf(response)).isEqualTo("id: must be a UUID, was \"command#abc\"");
    }

    @Test
    void aCustomerRegistersUnderTheirTokensSubjectOnce() {
        String subject = UUID.randomUUID().toString();
        String body = "{\"name\": \"Ada\", \"smsNumber\": \"+15550100001\"}";

        APIGatewayV2HTTPResponse first = call("POST /api/customers", "/api/customers", body, subject);
        List<Map<String, AttributeValue>> before = testbed.allItems();
        APIGatewayV2HTTPResponse second = call("POST /api/customers", "/api/customers", body, subject);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(CustomersTestbed.json(first.getBody()).get("id").asText()).isEqualTo(subject);
        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(messageOf(second)).isEqualTo("customer " + subject + " is already registered");
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.bus.published()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} another customer is not found")
    @CsvSource({"GET, ''", "PUT, /change-sms"})
    void anotherCustomerIsNotFoundAndUnchanged(String method, String suffix) {
        String id = register("Ada", "+15550100001");
        List<Map<String, AttributeValue>> before = testbed.allItems();
        String body = suffix.equals("/change-sms") ? "{\"smsNumber\": \"+15550100002\"}" : null;

        APIGatewayV2HTTPResponse response = call(method + " /api/customers/{id}" + suffix, "/api/customers/" + id + suffix,
                body, UUID.randomUUID().toString());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(messageOf(response)).isEqualTo("customer " + id + " not found");
        assertThat(testbed.allItems()).isEqualTo(before);
        assertThat(testbed.bus.published()).hasSize(1);
    }

    @Test
    void aCustomerRouteWithoutAVerifiedCallerIsUnauthorized() {
        APIGatewayV2HTTPResponse response = api.handleRequest(ApiGatewayEvents.route("POST /api/customers")
                .json("{\"name\": \"Ada\", \"smsNumber\": \"+15550100001\"}").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(testbed.allItems()).isEmpty();
    }

    @Test
    void aWrongMethodIsRefusedWithTheAllowedOnes() {
        APIGatewayV2HTTPResponse response = api.handleRequest(
                ApiGatewayEvents.defaultRoute("DELETE", "/api/customers/" + UUID.randomUUID()).build(), null);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "GET");
    }

    private String register(String name, String smsNumber) {
        APIGatewayV2HTTPResponse response = call("POST /api/customers", "/api/customers",
                "{\"name\": \"" + name + "\", \"smsNumber\": \"" + smsNumber + "\"}");
        assertThat(response.getStatusCode()).isEqualTo(201);
        return CustomersTestbed.json(response.getBody()).get("id").asText();
    }

    /**
     * As the customer whose id the path names (a new customer for a registration), with the
     * scopes of both a customer and staff: these tests are about the commands, not who may call.
     */
    private APIGatewayV2HTTPResponse call(String routeKey, String path, String json) {
        String[] segments = path.split("/");
        String caller = segments.length > 3 && mallbots.platform.domain.Ids.isUuid(segments[3]) ? segments[3]
                : UUID.randomUUID().toString();
        return call(routeKey, path, json, caller);
    }

    private APIGatewayV2HTTPResponse call(String routeKey, String path, String json, String caller) {
        ApiGatewayEvents event = ApiGatewayEvents.route(routeKey).path(path)
                .caller(caller, "mallbots/customer", "mallbots/staff");
        if (json != null) {
            event.json(json);
        }
        return api.handleRequest(event.build(), null);
    }

    private Message<?> onlyPublished() {
        List<Message<?>> published = testbed.published();
        assertThat(published).hasSize(1);
        return published.getFirst();
    }

    private static String messageOf(APIGatewayV2HTTPResponse response) {
        JsonNode body = CustomersTestbed.json(response.getBody());
        assertThat(body.fieldNames()).toIterable().containsExactly("message");
        return body.get("message").asText();
    }
}
