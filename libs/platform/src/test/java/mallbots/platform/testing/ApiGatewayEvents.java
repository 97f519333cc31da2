package mallbots.platform.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP API (payload format 2.0) events as API Gateway builds them for a Lambda integration: a
 * route key, the raw path and query, lower-case headers, path and query parameters, the request
 * context, and the body (base64 when asked).
 *
 * <pre>{@code
 * ApiGatewayEvents.route("PUT /api/stores/{id}/rebrand").path("/api/stores/42/rebrand").json("{...}").build()
 * ApiGatewayEvents.defaultRoute("GET", "/api/stores?limit=2").build()   // the $default route
 * ApiGatewayEvents.route("GET /api/baskets/{id}").path(...).caller(customerId, "mallbots/customer").build()
 * }</pre>
 *
 * <p>A route behind the JWT authorizer gets the verified claims that API Gateway adds
 * ({@link #caller}); without it the event is what a public route receives.
 */
public final class ApiGatewayEvents {

    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String routeKey;
    private final String method;
    private String rawPath;
    private String rawQuery = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private boolean base64;
    private String stage = "$default";
    private Map<String, String> claims;
    private List<String> scopes;

    private ApiGatewayEvents(String routeKey, String method, String path) {
        this.routeKey = routeKey;
        this.method = method;
        path(path);
        headers.put("accept", "application/json");
        headers.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        headers.put("user-agent", "curl/8.5.0");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-proto", "https");
    }

    /** A request API Gateway matched to this route, e.g. "PUT /api/things/{id}". */
    public static ApiGatewayEvents route(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        return new ApiGatewayEvents(routeKey, parts[0], parts[1]);
    }

    /** A request that reached the function through the $default route: only method and path. */
    public static ApiGatewayEvents defaultRoute(String method, String pathAndQuery) {
        return new ApiGatewayEvents("$default", method, pathAndQuery);
    }

    /** The path the client asked for, with an optional "?query". */
    public ApiGatewayEvents path(String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        rawPath = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        rawQuery = question < 0 ? "" : pathAndQuery.substring(question + 1);
        return this;
    }

    public ApiGatewayEvents header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    public ApiGatewayEvents json(String json) {
        body = json;
        headers.put("content-type", "application/json");
        return this;
    }

    /** Sends the body base64-encoded, as API Gateway does for a binary media type. */
    public ApiGatewayEvents base64() {
        base64 = true;
        return this;
    }

    /**
     * The caller, as API Gateway's JWT authorizer puts a verified token into
     * {@code requestContext.authorizer.jwt}: its claims (as strings) and scopes.
     */
    public ApiGatewayEvents caller(String subject, String... scopeNames) {
        Instant now = Instant.now();
        claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", "https://issuer.example");
        claims.put("aud", "mallbots");
        claims.put("iat", String.valueOf(now.getEpochSecond()));
        claims.put("exp", String.valueOf(now.getEpochSecond() + 3600));
        if (scopeNames.length > 0) {
            claims.put("scope", String.join(" ", scopeNames));
        }
        scopes = List.of(scopeNames);
        return this;
    }

    public ApiGatewayEvents stage(String name) {
        stage = name;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString().substring(0, 16) + "=";
        String path = stage.equals("$default") ? rawPath : "/" + stage + rawPath;
        if (body != null) {
            headers.put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(rawQuery)
                .withHeaders(Map.copyOf(headers))
                .withQueryStringParameters(queryParameters())
                .withPathParameters(pathParameters())
                .withBody(body == null ? null
                        : base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(EventBridgeEvents.ACCOUNT)
                        .withApiId("abc123")
                        .withDomainName("abc123.execute-api.us-east-1.amazonaws.com")
                        .withDomainPrefix("abc123")
                        .withRequestId(requestId)
                        .withRouteKey(routeKey)
                        .withStage(stage)
                        .withTime(CLF.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.copyOf(claims)).withScopes(scopes).build())
                                .build())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.7")
                                .withUserAgent("curl/8.5.0")
                                .build())
                        .build())
                .build();
    }

    /** API Gateway omits the map when there is no query string. */
    private Map<String, String> queryParameters() {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** The route template's parameters, read from the raw path; none for $default. */
    private Map<String, String> pathParameters() {
        if (routeKey.equals("$default")) {
            return null;
        }
        String template = routeKey.split(" ", 2)[1];
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        List<String> found = new ArrayList<>();
        while (names.find()) {
            regex.append(Pattern.quote(template.substring(last, names.start()))).append("([^/]+)");
            found.add(names.group(1));
            last = names.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        if (found.isEmpty()) {
            return null;
        }
        Matcher values = Pattern.compile(regex.toString()).matcher(rawPath);
        if (!values.matches()) {
            throw new IllegalArgumentException(rawPath + " does not fit route " + routeKey);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            parameters.put(found.get(i), URLDecoder.decode(values.group(i + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
