package mallbots.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Nullable;
import mallbots.platform.testing.ApiGatewayEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule set for what clients send (ids, lengths, control characters, money, maxima, size) and who calls. */
class InputBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOX = UUID.randomUUID().toString();

    record BoxBody(@Input.MaxLength(10) String name, String note, @Nullable @Input.Uuid List<String> ids,
            @Input.Max(1000) int quantity, Money price) {
    }

    private final AtomicInteger conflicts = new AtomicInteger();
    private final HttpRouter router = HttpRouter.builder()
            .route("PUT /api/boxes/{id}", request -> {
                String id = request.idParam("id");
                BoxBody body = request.body(BoxBody.class);
                return HttpResponse.ok(Map.of("id", id, "price", body.price(), "quantity", body.quantity()));
            })
            .route("POST /api/boxes/{id}/shake", request -> {
                conflicts.incrementAndGet();
                throw new ConcurrencyConflict("aggregate " + request.idParam("id") + " version 3 was written by another command");
            })
            .route("GET /api/boxes/{id}", request -> HttpResponse.ok(Map.of("id",
                    request.ownedByCaller(request.idParam("id"), BOX, "box", request.idParam("id")))))
            .mapException(ConcurrencyConflict.class, 409)
            .build();

    private APIGatewayV2HTTPResponse put(String id, String body) {
        return router.handle(ApiGatewayEvents.route("PUT /api/boxes/{id}").path("/api/boxes/" + id).json(body).build());
    }

    private static String good(String field, String json) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", "\"box\"", "note", "\"fragile\"",
                "quantity", "3", "price", "\"1.25\""));
        fields.put(field, json);
        StringBuilder body = new StringBuilder("{");
        fields.forEach((k, v) -> body.append(body.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return body.append('}').toString();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    @Test
    void an_id_that_is_not_a_uuid_is_400_naming_it_and_a_long_one_is_cut_short_in_the_answer() throws Exception {
        APIGatewayV2HTTPResponse shortId = put("x", good("name", "\"box\""));
        APIGatewayV2HTTPResponse longId = put("y".repeat(10_000), good("name", "\"box\""));

        assertThat(shortId.getStatusCode()).isEqualTo(400);
        assertThat(json(shortId).path("message").asText()).isEqualTo("id: must be a UUID, was \"x\"");
        assertThat(longId.getStatusCode()).isEqualTo(400);
        assertThat(json(longId).path("message").asText()).isEqualTo("id: must be a UUID, was \"" + "y".repeat(40) + "...\"");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "name     | '\"a\\u0000b\"'                  | 'name: must not contain control characters'",
            "note     | '\"line\\nbreak\"'               | 'note: must not contain control characters'",
            "name     | '\"elevenchars\"'                | 'name: at most 10 characters, was 11'",
            "ids      | '[\"" + "0b5a7c2e-4f1d-4c3a-9e8b-2d6f1a0c9b7e" + "\", \"nope\"]' | 'ids[1]: must be a UUID, was \"nope\"'",
            "quantity | 2147483647                       | 'quantity: must be at most 1000'",
            "quantity | 99999999999999999999             | 'quantity: must be at most 1000'",
            "price    | 1e-3                             | 'price: must be an amount of money with at most two decimals, like 12.50'",
            "price    | '\"1e-3\"'                       | 'price: must be an amount of money with at most two decimals, like 12.50'",
            "price    | '\"12,5\"'                       | 'price: must be an amount of money with at most two decimals, like 12.50'",
            "price    | '\"1e999999999\"'                | 'price: must be an amount of money with at most two decimals, like 12.50'",
            "price    | 1e400                            | 'price: must be an amount of money with at most two decimals, like 12.50'",
            "price    | 1000000000                       | 'price: must be an amount of money with at most two decimals, like 12.50'",
            "price    | '\"-1000000000\"'                 | 'price: must be an amount of money with at most two decimals, like 12.50'"})
    void bad_values_are_400_naming_the_field(String field, String value, String message) throws Exception {
        APIGatewayV2HTTPResponse response = put(BOX, good(field, value));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).isEqualTo(message);
    }

    @Test
    void strings_are_bounded_by_default_and_money_is_read_alike_as_number_or_string() throws Exception {
        assertThat(put(BOX, good("note", "\"" + "n".repeat(Input.DEFAULT_MAX_LENGTH) + "\"")).getStatusCode()).isEqualTo(200);
        assertThat(json(put(BOX, good("note", "\"" + "n".repeat(Input.DEFAULT_MAX_LENGTH + 1) + "\"")))
                .path("message").asText()).isEqualTo("note: at most 200 characters, was 201");
        assertThat(json(put(BOX, good("price", "12.5"))).path("price").asText()).isEqualTo("12.50");
        assertThat(json(put(BOX, good("price", "\"12.5\""))).path("price").asText()).isEqualTo("12.50");
        assertThat(json(put(BOX, good("price", "999999999.99"))).path("price").asText()).isEqualTo("999999999.99");
        assertThat(json(put(BOX, good("price", "10.00"))).path("price").asText()).isEqualTo("10.00");
        assertThat(json(put(BOX, good("price", "1e3"))).path("price").asText()).isEqualTo("1000.00");
        assertThat(json(put(BOX, good("price", "\"1e3\""))).path("price").asText()).isEqualTo("1000.00");
    }

    @Test
    void a_body_over_the_limit_is_413_before_it_is_read() throws Exception {
        String huge = good("note", "\"" + "n".repeat(Input.MAX_BODY_LENGTH) + "\"");

        APIGatewayV2HTTPResponse response = put(BOX, huge);
        APIGatewayV2HTTPResponse base64 = router.handle(ApiGatewayEvents.route("PUT /api/boxes/{id}")
                .path("/api/boxes/" + BOX).json(huge).base64().build());

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(json(response).path("message").asText()).isEqualTo("body: larger than 65536 bytes");
        assertThat(base64.getStatusCode()).isEqualTo(413);
    }

    @Test
    void a_conflict_that_outlasted_the_retries_says_it_can_be_retried() throws Exception {
        APIGatewayV2HTTPResponse response = router.handle(ApiGatewayEvents.route("POST /api/boxes/{id}/shake")
                .path("/api/boxes/" + BOX + "/shake").build());

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("message").asText()).contains("can be retried").doesNotContain("aggregate");
        assertThat(response.getHeaders()).containsEntry("retry-after", "1");
    }

    @Test
    void a_customer_sees_only_their_own_and_a_route_without_a_caller_is_401() throws Exception {
        APIGatewayV2HTTPResponse own = router.handle(ApiGatewayEvents.route("GET /api/boxes/{id}").path("/api/boxes/" + BOX)
                .caller(BOX.toUpperCase(), "mallbots/customer").build());
        APIGatewayV2HTTPResponse another = router.handle(ApiGatewayEvents.route("GET /api/boxes/{id}").path("/api/boxes/" + BOX)
                .caller(UUID.randomUUID().toString(), "mallbots/customer").build());
        APIGatewayV2HTTPResponse notACustomer = router.handle(ApiGatewayEvents.route("GET /api/boxes/{id}")
                .path("/api/boxes/" + BOX).caller("service-account", "mallbots/customer").build());
        APIGatewayV2HTTPResponse nobody = router.handle(ApiGatewayEvents.route("GET /api/boxes/{id}").path("/api/boxes/" + BOX).build());

        assertThat(own.getStatusCode()).isEqualTo(200);
        assertThat(another.getStatusCode()).isEqualTo(404);
        assertThat(json(another).path("message").asText()).isEqualTo("box " + BOX + " not found");
        assertThat(notACustomer.getStatusCode()).isEqualTo(403);
        assertThat(nobody.getStatusCode()).isEqualTo(401);
    }
}
