package mallbots.search.handlers;

import static mallbots.search.handlers.SearchTestbed.id;
import static mallbots.search.handlers.SearchTestbed.orderApproved;
import static mallbots.search.handlers.SearchTestbed.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Map;
import mallbots.platform.config.Environment;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.TestCloud;
import mallbots.search.handlers.SearchTestbed.Line;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions built from their environment, and the repair of index items a crash left unwritten. */
class SearchWiringTest {

    private final SearchTestbed search = new SearchTestbed(TestCloud.emulators());

    @Test
    void aMissingTableNameIsNamedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> new SearchApiFunction(Environment.of(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
        assertThatThrownBy(() -> new SearchEventsFunction(Environment.of(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing environment variable TABLE_NAME");
    }

    @Test
    void fromItsEnvironmentTheApiSearchesTheTableWithoutAnEventBus() {
        String customerId = id();
        String orderId = id();
        search.deliverOk(orderCreated(orderId, customerId, Instant.now(), new Line(id(), id())));
        Environment env = Environment.of(Map.of(
                "TABLE_NAME", search.tableName,
                "AWS_REGION", LocalAws.REGION.id(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL_DYNAMODB", LocalAws.dynamoEndpoint().toString()));

        APIGatewayV2HTTPResponse response = new SearchApiFunction(env).handleRequest(ApiGatewayEvents
                .route(SearchRoutes.SEARCH).path("/api/search/orders")
                .json("{\"customerId\":\"" + customerId + "\"}").build(), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(new SearchTestbed.Response(response).json().get("orders").get(0).get("orderId").asText())
                .isEqualTo(orderId);
    }

    @Test
    void indexItemsLostBetweenTheTwoWritesAreWrittenAgainByTheRedeliveredEvent() {
        String customerId = id();
        String orderId = id();
        String storeId = id();
        var created = orderCreated(orderId, customerId, Instant.now(), new Line(storeId, id()));
        search.deliverOk(created);
        // as if the function died after the order item and before its index items
        search.allItems().stream().filter(item -> item.get("pk").s().startsWith("ref#"))
                .forEach(item -> search.dynamo.deleteItem(b -> b.tableName(search.tableName)
                        .key(Map.of("pk", AttributeValue.fromS(item.get("pk").s())))));
        assertThat(search.search("{\"storeIds\":[\"" + storeId + "\"]}").json().get("orders")).isEmpty();

        search.deliverOk(created); // SQS redelivers the record the crash did not delete

        assertThat(search.search("{\"storeIds\":[\"" + storeId + "\"]}").json().get("orders")).hasSize(1);
        search.deliverOk(orderApproved(orderId, customerId, 2));
        assertThat(search.allItems().stream().filter(item -> item.get("pk").s().startsWith("ref#"))).hasSize(2);
    }
}
