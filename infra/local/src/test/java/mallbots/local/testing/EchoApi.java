package mallbots.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP API function that answers with what it received and with two of its settings. */
public final class EchoApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> environment;

    public EchoApi(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        context.getLogger().log("echoing " + event.getRawPath());
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("routeKey", event.getRouteKey());
        echo.put("rawPath", event.getRawPath());
        echo.put("rawQueryString", event.getRawQueryString());
        echo.put("pathParameters", event.getPathParameters());
        echo.put("queryStringParameters", event.getQueryStringParameters());
        echo.put("method", event.getRequestContext().getHttp().getMethod());
        echo.put("stage", event.getRequestContext().getStage());
        echo.put("contentType", event.getHeaders().get("content-type"));
        echo.put("body", event.getBody());
        echo.put("greeting", environment.get("GREETING"));
        echo.put("endpoint", environment.get("AWS_ENDPOINT_URL"));
        echo.put("function", context.getFunctionName());
        echo.put("remainingPositive", context.getRemainingTimeInMillis() > 0);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(event.getRequestContext().getHttp().getMethod().equals("POST") ? 201 : 200)
                    .withHeaders(Map.of("content-type", "application/json", "x-echo", "yes"))
                    .withBody(JSON.writeValueAsString(echo))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
