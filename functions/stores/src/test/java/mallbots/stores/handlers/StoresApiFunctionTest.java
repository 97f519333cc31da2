package mallbots.stores.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import mallbots.platform.config.Environment;
import mallbots.platform.testing.ApiGatewayEvents;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.Test;

/** The function as the local cloud builds it: from its own environment map. */
class StoresApiFunctionTest {

    @Test
    void itIsConfiguredByItsEnvironment() {
        String table = StoresApi.newTable();
        StoresApi api = new StoresApi(table);
        String id = api.createStore("Configured", "Level 5");
        StoresApiFunction function = new StoresApiFunction(Environment.of(Map.of(
                "TABLE_NAME", table,
                "EVENT_BUS_NAME", "mallbots",
                "AWS_REGION", LocalAws.REGION.id(),
                "AWS_ENDPOINT_URL", LocalAws.dynamoEndpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test")));

        APIGatewayV2HTTPResponse response = function.handleRequest(
                ApiGatewayEvents.route("GET /api/stores/{id}").path("/api/stores/" + id).build(), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"name\":\"Configured\"");
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    }

    @Test
    void aMissingSettingIsNamed() {
        assertThatThrownBy(() -> new StoresApiFunction(Environment.of(Map.of("EVENT_BUS_NAME", "mallbots"))))
                .hasMessageContaining("TABLE_NAME");
        assertThatThrownBy(() -> new StoresApiFunction(Environment.of(Map.of("TABLE_NAME", "stores"))))
                .hasMessageContaining("EVENT_BUS_NAME");
    }
}
