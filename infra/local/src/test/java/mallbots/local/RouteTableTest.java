package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mallbots.local.http.RouteTable;
import mallbots.local.template.Template;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static Template.Route route(String method, String path, String function) {
        return new Template.Route(method, path, "HttpApi", function);
    }

    private final RouteTable routes = new RouteTable(List.of(
            route("GET", "/stores/{id}", "GetStore"),
            route("GET", "/stores/featured", "Featured"),
            route("ANY", "/stores/{id}", "AnyStore"),
            route("POST", "/stores", "CreateStore"),
            route("GET", "/files/{proxy+}", "Files")));

    @Test
    void the_most_specific_route_wins() {
        assertThat(routes.match("GET", "/stores/featured")).map(m -> m.route().functionName()).contains("Featured");
        assertThat(routes.match("GET", "/stores/s-1")).map(m -> m.route().functionName()).contains("GetStore");
        assertThat(routes.match("DELETE", "/stores/s-1")).map(m -> m.route().functionName()).contains("AnyStore");
        assertThat(routes.match("POST", "/stores")).map(m -> m.route().functionName()).contains("CreateStore");
    }

    @Test
    void path_parameters_are_bound_and_decoded_and_a_greedy_one_takes_the_rest() {
        assertThat(routes.match("GET", "/stores/s%201").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "s 1"));
        assertThat(routes.match("GET", "/files/a/b/c.txt").orElseThrow().pathParameters()).isEqualTo(Map.of("proxy", "a/b/c.txt"));
        assertThat(routes.match("GET", "/files")).isEmpty();
    }

    @Test
    void nothing_matches_without_a_default_route_and_the_default_route_takes_the_rest() {
        assertThat(routes.match("GET", "/nothing")).isEmpty();
        assertThat(routes.match("PUT", "/stores")).isEmpty();
        RouteTable withDefault = new RouteTable(List.of(route("GET", "/a", "A"), route("ANY", "$default", "Fallback")));
        assertThat(withDefault.match("GET", "/a")).map(m -> m.route().functionName()).contains("A");
        assertThat(withDefault.match("POST", "/b/c")).map(m -> m.route().functionName()).contains("Fallback");
    }
}
