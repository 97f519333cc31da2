package mallbots.platform.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.config.Environment;
import mallbots.platform.logging.LogContext;
import mallbots.platform.priming.Priming;

/**
 * The base of a context's API function (HTTP API, payload format 2.0). A context's handler is a
 * few lines, with the constructor seam the local cloud uses (stores', its {@code StoresRoutes}
 * mapping each route onto a use case):
 *
 * <pre>{@code
 * public final class StoresApiFunction extends HttpApiFunction {
 *     public StoresApiFunction() { this(Environment.system()); }
 *     public StoresApiFunction(Environment env) {
 *         this(StoresModule.fromEnvironment(env));
 *         primeBeforeCheckpoint(env);
 *     }
 *     public StoresApiFunction(StoresModule stores) { super(StoresRoutes.router(stores)); }
 * }
 * }</pre>
 *
 * The router (and the clients behind it) is built in the constructor, once per container.
 */
public abstract class HttpApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** What priming asks: a GET of a path no route has, which reads nothing and is answered 404. */
    private static final String PRIMING_REQUEST = """
            {"version":"2.0","routeKey":"$default","rawPath":"/.priming","rawQueryString":"",
             "headers":{"accept":"application/json","user-agent":"priming"},
             "requestContext":{"http":{"method":"GET","path":"/.priming","protocol":"HTTP/1.1",
               "sourceIp":"127.0.0.1","userAgent":"priming"},"requestId":"priming","routeKey":"$default",
               "stage":"$default","timeEpoch":0},
             "isBase64Encoded":false}""";

    private final HttpRouter router;

    protected HttpApiFunction(HttpRouter router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * SnapStart priming of this function (see {@link Priming}): its clients, the runtime's
     * serializers and the router, on a request that reads nothing. A context's
     * {@code (Environment)} constructor calls it; it registers only for Lambda's own process.
     */
    protected final Priming primeBeforeCheckpoint(Environment env) {
        Priming priming = Priming.forFunction(env, APIGatewayV2HTTPEvent.class, PRIMING_REQUEST,
                HttpApiFunction::primingRequest, APIGatewayV2HTTPResponse.class,
                event -> router.handle(event, "priming"));
        priming.registerFor(env);
        return priming;
    }

    private static APIGatewayV2HTTPEvent primingRequest() {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath("/.priming")
                .withRawQueryString("").withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/.priming").build()).build())
                .build();
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event == null || event.getHeaders() == null) {
            return null;
        }
        for (var header : event.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try (LogContext.Scope scope = LogContext.invocation(context);
             LogContext.Scope trace = LogContext.trace(header(event, "x-amzn-trace-id"))) {
            return router.handle(event, context == null ? null : context.getAwsRequestId());
        }
    }
}
