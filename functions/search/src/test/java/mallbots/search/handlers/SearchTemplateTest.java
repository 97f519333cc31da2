package mallbots.search.handlers;

import static mallbots.platform.testing.CloudFormationTemplate.list;
import static mallbots.platform.testing.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.CloudFormationTemplate;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.TableShape;
import mallbots.search.SearchModule;
import mallbots.search.adapters.SearchTable;
import org.junit.jupiter.api.Test;

/**
 * The search section of template.yaml against the code: rules route exactly the handled types,
 * routes are the router's, the table is what ContextTable makes with SearchTable's GSIs, and
 * search has no publishing anywhere (no sweeper, no PutEvents permission).
 */
class SearchTemplateTest {

    private static final List<String> RULES = List.of("SearchOrderEventsRule", "SearchCustomerEventsRule",
            "SearchStoreEventsRule");

    private final CloudFormationTemplate template = CloudFormationTemplate.load();

    @Test
    void theRulesRouteExactlyWhatTheEventsFunctionHandles() {
        SearchModule module = SearchModule.create(new InMemoryDynamo(), "not-touched");
        Set<String> handled = SearchSubscriptions.of(module).types().stream()
                .map(type -> type.source() + " " + type.detailType()).collect(Collectors.toSet());
        Set<String> routed = template.routedToQueue(RULES, "SearchQueue", "SearchDeadLetterQueue");
        assertThat(routed).isEqualTo(handled).contains("mallbots.ordering OrderCreated",
                "mallbots.customers CustomerRegistered", "mallbots.stores ProductRebranded");

        Map<String, Object> statement = map(list(map(template.properties("SearchQueuePolicy")
                .get("PolicyDocument")).get("Statement")).getFirst());
        assertThat(list(map(map(statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn")))
                .containsExactlyInAnyOrderElementsOf(RULES.stream()
                        .map(id -> (Object) Map.of("Fn::GetAtt", id + ".Arn")).toList());
    }

    @Test
    void theEventsFunctionDrainsItsQueueWithPartialBatchFailuresAndADeadLetterQueue() {
        Map<String, Object> sqs = map(map(map(template.properties("SearchEvents").get("Events"))
                .get("SearchMessages")).get("Properties"));
        assertThat(sqs.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", "SearchQueue.Arn"));
        assertThat(sqs.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        Map<String, Object> queue = template.properties("SearchQueue");
        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "SearchDeadLetterQueue.Arn"));
    }

    @Test
    void theApiRoutesAreTheRoutersAndTheFunctionsRunThisJarWithoutPublishing() throws ClassNotFoundException {
        List<String> routes = map(template.properties("SearchApi").get("Events")).values().stream()
                .map(CloudFormationTemplate::map)
                .peek(event -> assertThat(event.get("Type")).isEqualTo("HttpApi"))
                .map(event -> map(event.get("Properties")))
                .peek(route -> assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi")))
                .map(route -> route.get("Method") + " " + route.get("Path")).toList();
        assertThat(routes).containsExactlyInAnyOrder(SearchRoutes.GET, SearchRoutes.SEARCH);

        for (String id : List.of("SearchApi", "SearchEvents")) {
            Map<String, Object> function = template.properties(id);
            assertThat(function.get("CodeUri")).isEqualTo("functions/search/target/search.jar");
            assertThat(RequestHandler.class).isAssignableFrom(Class.forName((String) function.get("Handler")));
            assertThat(map(map(function.get("Environment")).get("Variables")))
                    .isEqualTo(Map.of("TABLE_NAME", Map.of("Ref", "SearchTable")));
            assertThat(list(function.get("Policies"))).noneMatch(policy -> map(policy)
                    .containsKey("EventBridgePutEventsPolicy"));
        }
        assertThat(template.resources()).doesNotContainKey("SearchOutboxSweeper");
    }

    @Test
    void theTableIsTheOneContextTableMakesWithTheSearchIndexes() {
        TableShape declared = TableShape.declared(template, "SearchTable");

        assertThat(declared).isEqualTo(TableShape.created(SearchTable.KEYS, SearchTable.INDEXES));
        assertThat(declared.indexes()).containsKeys(SearchTable.BY_CUSTOMER, SearchTable.BY_STATUS,
                SearchTable.BY_CREATED, SearchTable.BY_REF);
    }

    @Test
    void theSectionHoldsOnlySearchResources() throws IOException {
        String text = Files.readString(template.path());
        int start = text.indexOf("# ================================================================ search");
        int end = text.indexOf("# (end of search)");
        assertThat(end).isGreaterThan(start).isPositive();
        Matcher resource = Pattern.compile("(?m)^  ([A-Za-z0-9]+):$").matcher(text.substring(start, end));
        Set<String> ids = new HashSet<>();
        while (resource.find()) {
            ids.add(resource.group(1));
        }
        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("Search"));
        assertThat(template.resources().keySet()).containsAll(ids);
    }

    private static List<String> keys(Object schema) {
        return list(schema).stream().map(CloudFormationTemplate::map)
                .map(k -> k.get("AttributeName") + " " + k.get("KeyType")).toList();
    }
}
