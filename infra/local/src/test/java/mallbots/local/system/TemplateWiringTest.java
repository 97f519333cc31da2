package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import mallbots.local.http.RouteTable;
import mallbots.local.template.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

/**
 * template.yaml against the code it deploys, one case per function, as the template expands
 * (the local cloud's reader): what used to be one template test per context, which copied the
 * context's section into Java. Each function's handler is built from its jar with the environment
 * the template gives it, as Lambda builds it, and is asked what it serves:
 * <ul>
 *   <li>every function works on its own context's table, from its own context's jar;
 *   <li>an events function drains its queue (reporting only failed records) into a dead-letter
 *       queue, and the rules to that queue route exactly the messages it handles, delivering with
 *       retries and that dead-letter queue for what they cannot deliver;
 *   <li>every route an API function's router serves is reached through the template's routes, at
 *       that function, guarded by the JWT authorizer unless it is one of the public catalogue routes.
 * </ul>
 */
class TemplateWiringTest {

    private static final Template TEMPLATE = RepositoryTemplate.read();

    /** The catalogue, the only routes without a token (README, "Who may call what"). */
    private static final Set<String> PUBLIC_ROUTES = Set.of("GET /api/stores", "GET /api/stores/participating",
            "GET /api/stores/{id}", "GET /api/stores/{storeId}/products", "GET /api/stores/products/{id}");

    static Stream<String> functions() {
        return TEMPLATE.functions().stream().map(Template.Function::logicalId);
    }

    static Stream<String> eventsFunctions() {
        return TEMPLATE.functions().stream().filter(f -> !f.queueMappings().isEmpty()).map(Template.Function::logicalId);
    }

    static Stream<String> apiFunctions() {
        return TEMPLATE.functions().stream()
                .filter(f -> TEMPLATE.routes().stream().anyMatch(r -> r.functionName().equals(f.name())))
                .map(Template.Function::logicalId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void works_on_its_contexts_table_from_its_contexts_jar(String logicalId) {
        Template.Function function = function(logicalId);
        String context = context(function);

        assertThat(logicalId).startsWith(capitalized(context));
        assertThat(function.codeUri()).isEqualTo("functions/" + context + "/target/" + context + ".jar");
        String table = function.environment().get("TABLE_NAME");
        assertThat(table).as("TABLE_NAME").isEqualTo("mallbots-" + context);
        assertThat(TEMPLATE.tables()).extracting(Template.Table::name).contains(table);
        assertThat(handler(function)).as("built from its environment").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsFunctions")
    void its_queues_rules_route_exactly_the_messages_it_handles(String logicalId) throws Exception {
        Template.Function function = function(logicalId);
        assertThat(function.queueMappings()).singleElement().satisfies(mapping -> {
            assertThat(mapping.reportBatchItemFailures()).as("reports only the failed records").isTrue();
            assertThat(mapping.enabled()).isTrue();
        });
        Template.Queue queue = TEMPLATE.queueByArn(function.queueMappings().getFirst().queueArn()).orElseThrow();
        assertThat(queue.name()).isEqualTo("mallbots-" + context(function));
        String deadLetter = queue.redrive().orElseThrow(() -> new AssertionError(queue.logicalId() + " has no redrive"))
                .deadLetterTargetArn();
        List<Template.Rule> rules = TEMPLATE.rules().stream()
                .filter(rule -> rule.targets().stream().anyMatch(t -> t.arn().equals(queue.arn()))).toList();
        assertThat(rules).as("rules to %s", queue.name()).isNotEmpty();
        Machine routed = new Machine();
        for (Template.Rule rule : rules) {
            assertThat(rule.busName()).as(rule.logicalId()).isEqualTo("mallbots");
            assertThat(rule.targets()).as(rule.logicalId()).singleElement().satisfies(target -> {
                assertThat(target.deadLetterArn()).as("%s's dead-letter queue", rule.logicalId()).contains(deadLetter);
                assertThat(target.maximumRetryAttempts()).as(rule.logicalId()).isPresent();
                assertThat(target.maximumEventAgeInSeconds()).as(rule.logicalId()).isPresent();
            });
            routed.addRule(rule.logicalId(), rule.eventPatternJson().orElseThrow());
        }
        Set<String> handled = new TreeSet<>(handledMessages(handler(function)));

        // each handled message, addressed to this context as a saga reply is, reaches the queue ...
        for (String message : handled) {
            String[] sourceAndType = message.split(" ");
            String event = "{\"source\":\"" + sourceAndType[0] + "\",\"detail-type\":\"" + sourceAndType[1]
                    + "\",\"detail\":{\"metadata\":{\"replyTo\":\"mallbots." + context(function) + "\"}}}";
            assertThat(routed.rulesForJSONEvent(event)).as("a rule to %s routes %s", queue.name(), message).isNotEmpty();
        }
        // ... and a rule that names its sources and types names only handled ones
        for (Template.Rule rule : rules) {
            Map<?, ?> pattern = new com.fasterxml.jackson.databind.ObjectMapper().readValue(rule.eventPatternJson().orElseThrow(), Map.class);
            if (pattern.get("source") instanceof List<?> sources && pattern.get("detail-type") instanceof List<?> types
                    && Stream.concat(sources.stream(), types.stream()).allMatch(String.class::isInstance)) {
                for (Object source : sources) {
                    for (Object type : types) {
                        assertThat(handled).as("%s routes %s %s", rule.logicalId(), source, type).contains(source + " " + type);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiFunctions")
    void every_route_its_router_serves_is_reached_through_the_templates_routes(String logicalId) {
        Template.Function function = function(logicalId);
        RouteTable routes = new RouteTable(TEMPLATE.routes());
        List<String> served = routeKeys(handler(function));
        assertThat(served).isNotEmpty();

        for (String key : served) {
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "0b5a7c2e-4f1d-4c3a-9e8b-2d6f1a0c9b7e");
            Optional<RouteTable.Match> match = routes.match(method, path);
            assertThat(match).as("a template route for %s", key).isPresent();
            Template.Route route = match.get().route();
            assertThat(route.functionName()).as("the function %s reaches", key).isEqualTo(function.name());
            assertThat(route.authorizer().isEmpty()).as("%s is public (%s)", key, route.routeKey())
                    .isEqualTo(PUBLIC_ROUTES.contains(key));
            if (route.authorizer().isPresent()) {
                assertThat(route.scopes()).as("the scopes of %s", key).isNotEmpty().allMatch(s -> s.startsWith("mallbots/"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scheduledFunctions")
    void runs_every_minute_and_a_run_that_fails_three_times_lands_in_the_sweepers_dead_letter_queue(String logicalId) {
        Template.Function function = function(logicalId);
        String sweepersDeadLetter = TEMPLATE.queueByName("mallbots-sweepers-dlq").orElseThrow().arn();

        assertThat(TEMPLATE.rules()).filteredOn(rule -> rule.targets().stream()
                        .anyMatch(t -> mallbots.local.template.TemplateReader.unqualified(t.arn()).equals(function.arn())))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.scheduleExpression()).contains("rate(1 minute)");
                    assertThat(rule.targets().getFirst().maximumRetryAttempts()).contains(2);
                    assertThat(rule.targets().getFirst().deadLetterArn()).contains(sweepersDeadLetter);
                });
    }

    static Stream<String> scheduledFunctions() {
        return TEMPLATE.functions().stream()
                .filter(f -> TEMPLATE.rules().stream().anyMatch(rule -> rule.scheduleExpression().isPresent()
                        && rule.targets().stream().anyMatch(t -> t.arn().startsWith(f.arn()))))
                .map(Template.Function::logicalId);
    }

    private static Template.Function function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private static String context(Template.Function function) {
        return function.codeUri().split("/")[1];
    }

    private static String capitalized(String context) {
        return context.substring(0, 1).toUpperCase(Locale.ROOT) + context.substring(1);
    }

    private static Object handler(Template.Function function) {
        return ServedRoutes.handler(TEMPLATE, function);
    }

    private static List<String> handledMessages(Object handler) {
        return ServedRoutes.handledMessages(handler);
    }

    private static List<String> routeKeys(Object handler) {
        return ServedRoutes.routeKeys(handler);
    }
}
