package mallbots.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Nullable;
import mallbots.platform.testing.ApiGatewayEvents;
import org.junit.jupiter.api.Test;

public class HttpRouterTest {

    public record PutThing(String name, BigDecimal weight, Money price, int quantity, @Nullable String note,
            List<Part> parts) {
    }

    public record Part(String name, int count) {
    }

    public record Thing(String id, String name, BigDecimal weight, Money price, int quantity, String note,
            List<Part> parts, boolean archived) {
    }

    /** What a use case of the application layer throws; the router maps it, the use case knows no HTTP. */
    static final class ThingTooHeavy extends RuntimeException {
        ThingTooHeavy(String message) {
            super(message);
        }
    }

    /** The use cases under the routes: an in-memory catalogue of things. */
    private final Map<String, Thing> things = new ConcurrentHashMap<>();

    private HttpResponse put(HttpRequest request) {
        String id = request.pathParam("id");
        PutThing command = request.body(PutThing.class);
        if (command.weight().compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new ThingTooHeavy("a thing weighs at most 1000");
        }
        Thing thing = new Thing(id, command.name(), command.weight(), command.price(), command.quantity(),
                command.note(), command.parts(), false);
        things.put(id, thing);
        return HttpResponse.ok(thing);
    }

    private HttpResponse get(HttpRequest request) {
        Thing thing = things.get(request.pathParam("id"));
        if (thing == null) {
            throw new mallbots.platform.domain.NotFound("thing " + request.pathParam("id") + " not found");
        }
        return HttpResponse.ok(thing);
    }

    private HttpResponse archive(HttpRequest request) {
        Thing thing = things.get(request.pathParam("id"));
        if (thing == null) {
            throw new mallbots.platform.domain.NotFound("thing " + request.pathParam("id") + " not found");
        }
        if (thing.archived()) {
            throw new Conflict("thing " + thing.id() + " is already archived");
        }
        things.put(thing.id(), new Thing(thing.id(), thing.name(), thing.weight(), thing.price(), thing.quantity(),
                thing.note(), thing.parts(), true));
        return HttpResponse.noContent();
    }

    private HttpResponse list(HttpRequest request) {
        int limit = request.intQueryParam("limit", 10);
        return HttpResponse.ok(Map.of("limit", limit, "things", things.values().stream().limit(limit).toList()));
    }

    private final HttpRouter router = HttpRouter.builder()
            .route("PUT /api/things/{id}", this::put)
            .route("GET /api/things/{id}", this::get)
            .route("GET /api/things/special", request -> HttpResponse.ok(Map.of("special", true)))
            .route("POST /api/things/{id}/archive", this::archive)
            .route("GET /api/things", this::list)
            .route("DELETE /api/things/{id}", request -> {
                throw new IllegalStateException("the disk is on fire");
            })
            .route("POST /api/things/{id}/rename", request -> {
                throw switch (request.body().orElse("")) {
                    case "missing" -> mallbots.platform.domain.NotFound.of("thing", request.pathParam("id"));
                    case "blank" -> new InvalidValue("name is required");
                    default -> new RuleViolation("an archived thing keeps its name");
                };
            })
            .mapException(ThingTooHeavy.class, 422)
            .build();

    private static final String GOOD = """
            {"name": "bolt", "weight": 1.25, "price": "12.50", "quantity": 3,
             "parts": [{"name": "head", "count": 1}]}""";

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return router.handle(event);
    }

    private static APIGatewayV2HTTPEvent putThing(String id, String json) {
        return ApiGatewayEvents.route("PUT /api/things/{id}").path("/api/things/" + id).json(json).build();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        return Json.mapper().readTree(response.getBody());
    }

    private static String message(APIGatewayV2HTTPResponse response) throws Exception {
        return json(response).path("message").asText();
    }

    @Test
    void a_matched_route_gets_its_path_parameters_and_body_and_answers_json() throws Exception {
        APIGatewayV2HTTPResponse response = send(putThing("t-1", GOOD));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("id").asText()).isEqualTo("t-1");
        assertThat(body.path("price").asText()).isEqualTo("12.50");
        assertThat(body.path("weight").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(body.path("parts").get(0).path("name").asText()).isEqualTo("head");
        assertThat(body.has("note")).isFalse();
        assertThat(things).containsKey("t-1");
    }

    @Test
    void the_default_route_is_matched_by_method_and_raw_path_with_decoded_parameters() throws Exception {
        send(putThing("a b+c", GOOD));

        APIGatewayV2HTTPResponse response = send(ApiGatewayEvents.defaultRoute("GET", "/api/things/a%20b+c").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo("a b+c");
    }

    @Test
    void a_named_stage_prefix_is_not_part_of_the_route() throws Exception {
        send(putThing("t-2", GOOD));

        APIGatewayV2HTTPResponse response =
                send(ApiGatewayEvents.defaultRoute("GET", "/api/things/t-2").stage("prod").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo("t-2");
    }

    @Test
    void a_literal_segment_wins_over_a_parameter() throws Exception {
        APIGatewayV2HTTPResponse response = send(ApiGatewayEvents.defaultRoute("GET", "/api/things/special").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("special").asBoolean()).isTrue();
    }

    @Test
    void a_base64_body_is_decoded() throws Exception {
        APIGatewayV2HTTPResponse response = send(ApiGatewayEvents.route("PUT /api/things/{id}")
                .path("/api/things/t-3").json(GOOD.replace("bolt", "böltchen")).base64().build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("böltchen");
    }

    @Test
    void money_is_read_as_people_type_it_and_written_with_two_decimals() throws Exception {
        APIGatewayV2HTTPResponse asText = send(putThing("m-1", GOOD.replace("\"12.50\"", "\"12.5\"")));
        APIGatewayV2HTTPResponse asNumber = send(putThing("m-2", GOOD.replace("\"12.50\"", "0.1")));

        assertThat(asText.getStatusCode()).isEqualTo(200);
        assertThat(json(asText).path("price").asText()).isEqualTo("12.50");
        assertThat(asNumber.getStatusCode()).isEqualTo(200);
        assertThat(json(asNumber).path("price").asText()).isEqualTo("0.10");
    }

    @Test
    void malformed_json_is_400_with_where() throws Exception {
        APIGatewayV2HTTPResponse response = send(putThing("t", "{\"name\": \"bolt\", "));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("body: malformed JSON at line 1");
    }

    @Test
    void a_wrong_type_is_400_naming_the_field() throws Exception {
        assertThat(message(send(putThing("t", GOOD.replace("1.25", "\"heavy\""))))).isEqualTo("weight: must be a number");
        assertThat(message(send(putThing("t", GOOD.replace("\"quantity\": 3", "\"quantity\": \"3\"")))))
                .isEqualTo("quantity: must be an integer");
        assertThat(message(send(putThing("t", GOOD.replace("\"count\": 1", "\"count\": 1.5")))))
                .isEqualTo("parts[0].count: must be an integer");
        assertThat(message(send(putThing("t", GOOD.replace("\"12.50\"", "12.555")))))
                .isEqualTo("price: must be an amount of money with at most two decimals, like 12.50");
        assertThat(message(send(putThing("t", GOOD.replace("\"12.50\"", "\"12.555\"")))))
                .isEqualTo("price: must be an amount of money with at most two decimals, like 12.50");
        assertThat(message(send(putThing("t", GOOD.replace("\"12.50\"", "true")))))
                .isEqualTo("price: must be an amount of money with at most two decimals, like 12.50");
        assertThat(send(putThing("t", GOOD.replace("1.25", "\"heavy\""))).getStatusCode()).isEqualTo(400);
    }

    @Test
    void a_missing_field_is_400_naming_it() throws Exception {
        assertThat(message(send(putThing("t", GOOD.replace("\"name\": \"bolt\",", ""))))).isEqualTo("name: is required");
        assertThat(message(send(putThing("t", GOOD.replace("\"quantity\": 3,", ""))))).isEqualTo("quantity: is required");
        assertThat(message(send(putThing("t", GOOD.replace("\"count\": 1", "\"count\": null")))))
                .isEqualTo("parts[0].count: is required");
        assertThat(message(send(ApiGatewayEvents.route("PUT /api/things/{id}").path("/api/things/t").build())))
                .isEqualTo("body: is required");
    }

    @Test
    void an_unknown_field_is_400_naming_it() throws Exception {
        APIGatewayV2HTTPResponse response = send(putThing("t", GOOD.replace("\"weight\"", "\"colour\": \"red\", \"weight\"")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("colour: unknown field");
    }

    @Test
    void an_unknown_route_is_404() throws Exception {
        APIGatewayV2HTTPResponse response = send(ApiGatewayEvents.defaultRoute("GET", "/api/nothing/here").build());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(message(response)).isEqualTo("no route for GET /api/nothing/here");
    }

    @Test
    void a_known_path_with_another_method_is_405_with_allow() throws Exception {
        APIGatewayV2HTTPResponse response = send(ApiGatewayEvents.defaultRoute("PATCH", "/api/things/t-1").build());

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(message(response)).isEqualTo("method PATCH not allowed on /api/things/t-1");
        assertThat(response.getHeaders().get("allow").split(", ")).containsExactlyInAnyOrder("PUT", "GET", "DELETE");
    }

    @Test
    void not_found_and_conflict_from_the_use_case_keep_their_status_and_message() throws Exception {
        APIGatewayV2HTTPResponse missing = send(ApiGatewayEvents.route("GET /api/things/{id}").path("/api/things/nope").build());
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(message(missing)).isEqualTo("thing nope not found");

        send(putThing("t-4", GOOD));
        APIGatewayV2HTTPEvent archive = ApiGatewayEvents.route("POST /api/things/{id}/archive").path("/api/things/t-4/archive").build();
        APIGatewayV2HTTPResponse first = send(archive);
        assertThat(first.getStatusCode()).isEqualTo(204);
        assertThat(first.getBody()).isNull();
        APIGatewayV2HTTPResponse second = send(archive);
        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(message(second)).isEqualTo("thing t-4 is already archived");
    }

    @Test
    void a_mapped_application_exception_gets_its_status() throws Exception {
        APIGatewayV2HTTPResponse response = send(putThing("t", GOOD.replace("1.25", "5000")));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(message(response)).isEqualTo("a thing weighs at most 1000");
    }

    @Test
    void the_domain_refusals_are_client_errors() throws Exception {
        APIGatewayV2HTTPResponse missing = send(rename("missing"));
        APIGatewayV2HTTPResponse blank = send(rename("blank"));
        APIGatewayV2HTTPResponse forbidden = send(rename("archived"));

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(message(missing)).isEqualTo("thing t-9 not found");
        assertThat(blank.getStatusCode()).isEqualTo(400);
        assertThat(message(blank)).isEqualTo("name is required");
        assertThat(forbidden.getStatusCode()).isEqualTo(409);
        assertThat(message(forbidden)).isEqualTo("an archived thing keeps its name");
    }

    private static APIGatewayV2HTTPEvent rename(String body) {
        return ApiGatewayEvents.route("POST /api/things/{id}/rename").path("/api/things/t-9/rename").json(body).build();
    }

    @Test
    void an_unexpected_exception_is_500_without_its_details() throws Exception {
        APIGatewayV2HTTPResponse response = send(ApiGatewayEvents.route("DELETE /api/things/{id}").path("/api/things/t").build());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).isEqualTo("{\"message\":\"internal error\"}");
    }

    @Test
    void query_parameters_are_read_and_checked() throws Exception {
        send(putThing("q-1", GOOD));
        send(putThing("q-2", GOOD));

        APIGatewayV2HTTPResponse limited = send(ApiGatewayEvents.route("GET /api/things").path("/api/things?limit=1").build());
        assertThat(limited.getStatusCode()).isEqualTo(200);
        assertThat(json(limited).path("things")).hasSize(1);
        assertThat(json(limited).path("limit").asInt()).isEqualTo(1);

        APIGatewayV2HTTPResponse raw = send(ApiGatewayEvents.defaultRoute("GET", "/api/things?limit=2").build());
        assertThat(json(raw).path("limit").asInt()).isEqualTo(2);

        APIGatewayV2HTTPResponse bad = send(ApiGatewayEvents.route("GET /api/things").path("/api/things?limit=many").build());
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(message(bad)).isEqualTo("limit: must be an integer");
    }

    @Test
    void an_api_function_is_a_tiny_subclass_with_the_constructor_seam() throws Exception {
        class ThingsApi extends HttpApiFunction {
            ThingsApi() {
                super(router);
            }
        }

        APIGatewayV2HTTPResponse response = new ThingsApi().handleRequest(putThing("f-1", GOOD), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo("f-1");
    }
}
