package mallbots.platform.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Objects;

/**
 * The base of a context's API function (HTTP API, payload format 2.0). A context's handler is a
 * few lines, with the constructor seam the local cloud uses:
 *
 * <pre>{@code
 * public final class StoresApi extends HttpApiFunction {
 *     public StoresApi() { this(Environment.system()); }
 *     public StoresApi(Environment env) { super(StoresWiring.router(env)); }
 * }
 * }</pre>
 *
 * The router (and the clients behind it) is built in the constructor, once per container.
 */
public abstract class HttpApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpRouter router;

    protected HttpApiFunction(HttpRouter router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context == null ? null : context.getAwsRequestId());
    }
}
