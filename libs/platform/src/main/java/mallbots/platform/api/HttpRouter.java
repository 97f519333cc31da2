package mallbots.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.json.Json;
import mallbots.platform.logging.LogContext;
import mallbots.platform.metrics.FunctionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes an API Gateway HTTP API event (payload format 2.0) to the handler of its route and turns
 * the outcome into a JSON response.
 *
 * <p>Routing: when API Gateway already matched one of our routes, its routeKey and pathParameters
 * are used as they are; otherwise (a $default or proxy route, the local cloud) the method and
 * rawPath are matched against the templates, most specific first. No route for the path is 404;
 * a route for the path but not for the method is 405 with an Allow header.
 *
 * <p>Errors: a {@link ClientError}, a domain refusal ({@code InvalidValue} 400, the domain's
 * {@code NotFound} 404, {@code RuleViolation} 409) or an exception mapped with
 * {@link Builder#mapException} is its 4xx status and {"message": its message}; anything else is
 * logged with the request id and answered 500 {"message": "internal error"}, so that no internal
 * detail leaks and no client mistake is ever a 5xx.
 */
public final class HttpRouter {

    private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);
    private static final String DEFAULT_STAGE = "$default";

    private final List<Route> routes;
    private final Map<String, Route> byKey;
    private final Map<Class<? extends RuntimeException>, Integer> exceptionStatuses;

    private HttpRouter(List<Route> routes, Map<Class<? extends RuntimeException>, Integer> exceptionStatuses) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort((a, b) -> RouteTemplate.MOST_SPECIFIC_FIRST.compare(a.template(), b.template()));
        this.routes = List.copyOf(sorted);
        Map<String, Route> keys = new LinkedHashMap<>();
        for (Route route : sorted) {
            if (keys.putIfAbsent(route.template().key(), route) != null) {
                throw new IllegalArgumentException("route " + route.template().key() + " registered twice");
            }
        }
        this.byKey = Map.copyOf(keys);
        this.exceptionStatuses = Map.copyOf(exceptionStatuses);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The route keys this router serves, e.g. "PUT /api/stores/{id}/rebrand", most specific first.
     * The template routes a context's whole prefix here; a test holds every key reachable through it.
     */
    public List<String> routeKeys() {
        return routes.stream().map(route -> route.template().key()).toList();
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    /**
     * @param fallbackRequestId the id to log when the event carries none (Lambda's request id)
     */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, String fallbackRequestId) {
        Objects.requireNonNull(event, "event");
        var context = event.getRequestContext();
        String requestId = context != null && context.getRequestId() != null ? context.getRequestId()
                : fallbackRequestId != null ? fallbackRequestId : UUID.randomUUID().toString();
        String method = method(event);
        String path = event.getRawPath() != null ? event.getRawPath()
                : context != null && context.getHttp() != null ? context.getHttp().getPath() : "/";
        HttpResponse response;
        Route matched = null;
        try (LogContext.Scope scope = LogContext.with(LogContext.ROUTE, method + " " + path)) {
            Match match = resolve(event, method, path);
            matched = match.route();
            response = handle(match, event, requestId, method, path);
        } catch (ClientError e) {
            log.info("request {} {} {} refused: {} {}", requestId, method, path, e.status(), e.getMessage());
            response = HttpResponse.error(e.status(), e.getMessage());
            if (e instanceof MethodNotAllowed notAllowed) {
                response = response.withHeader("allow", String.join(", ", notAllowed.allowed));
            }
        } catch (RuntimeException e) {
            Integer status = statusOf(e);
            if (status != null && e instanceof mallbots.platform.domain.ConcurrencyConflict) {
                // every retry inside the function lost: nothing was changed, the client may simply send it again
                log.info("request {} {} {} refused: {} {}", requestId, method, path, status, e.getMessage());
                response = HttpResponse.error(status, "conflict: other requests changed the same thing at the same"
                        + " time and this one changed nothing; it can be retried").withHeader("retry-after", "1");
            } else if (status != null) {
                log.info("request {} {} {} refused: {} {}", requestId, method, path, status, e.getMessage());
                response = HttpResponse.error(status, e.getMessage());
            } else {
                log.error("request {} {} {} failed", requestId, method, path, e);
                response = HttpResponse.error(500, "internal error");
            }
        }
        // the matched route's template, not the path, so that routes stay few (a dimension value has no
        // spaces); ours, not API Gateway's, which is a whole context's prefix ("/api/baskets/{proxy+}")
        String routeKey = matched == null ? null : matched.template().key();
        String route = routeKey == null ? "unmatched" : routeKey.substring(routeKey.indexOf(' ') + 1);
        FunctionMetrics.count("HttpResponses", "method", method, "route", route,
                "status", FunctionMetrics.statusClass(response.status()));
        return toApiGateway(response, requestId);
    }

    /** The route of the event and its path parameters: API Gateway's if it matched one of ours, else our match. */
    private Match resolve(APIGatewayV2HTTPEvent event, String method, String path) {
        Route route = event.getRouteKey() == null ? null : byKey.get(normalise(event.getRouteKey()));
        if (route != null && route.template().allows(method)) {
            return new Match(route, event.getPathParameters() != null ? event.getPathParameters()
                    : route.template().match(path).orElse(Map.of()));
        }
        return match(method, path, event).orElseThrow(() -> new NoRoute("no route for " + method + " " + path));
    }

    private HttpResponse handle(Match match, APIGatewayV2HTTPEvent event, String requestId, String method, String path) {
        HttpRequest request = new HttpRequest(requestId, method, path, match.route().template().key(),
                match.pathParameters(), queryParameters(event),
                event.getHeaders() == null ? Map.of() : event.getHeaders(), body(event), Caller.of(event));
        return match.route().handler().handle(request);
    }

    private Optional<Match> match(String method, String path, APIGatewayV2HTTPEvent event) {
        Optional<Match> match = match(method, path);
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        // A named stage prefixes the raw path ("/prod/api/..."); try without it when nothing matched.
        if (match.isEmpty() && stage != null && !stage.equals(DEFAULT_STAGE) && path.startsWith("/" + stage + "/")) {
            match = match(method, path.substring(stage.length() + 1));
        }
        return match;
    }

    private Optional<Match> match(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.template().match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (route.template().allows(method)) {
                return Optional.of(new Match(route, parameters.get()));
            }
            allowed.add(route.template().method());
        }
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowed(method, path, allowed);
        }
        return Optional.empty();
    }

    private Integer statusOf(RuntimeException e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            Integer status = exceptionStatuses.get(type);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String routeKey = event.getRouteKey();
        return routeKey != null && routeKey.contains(" ") ? routeKey.substring(0, routeKey.indexOf(' ')) : "GET";
    }

    private static String normalise(String routeKey) {
        try {
            return RouteTemplate.parse(routeKey).key();
        } catch (IllegalArgumentException e) {
            return routeKey; // "$default" and the like
        }
    }

    private static Map<String, String> queryParameters(APIGatewayV2HTTPEvent event) {
        if (event.getQueryStringParameters() != null) {
            return event.getQueryStringParameters();
        }
        String raw = event.getRawQueryString();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        // As API Gateway does: repeated names are joined with commas.
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("query: malformed percent-encoding in " + text);
        }
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        // base64 is 4/3 of the bytes: a body over the limit is refused before it is decoded or parsed
        if (body != null && body.length() > (event.getIsBase64Encoded() ? Input.MAX_BODY_LENGTH / 3 * 4 + 4 : Input.MAX_BODY_LENGTH)) {
            throw new PayloadTooLarge("body: larger than " + Input.MAX_BODY_LENGTH + " bytes");
        }
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("body: not valid base64");
        }
    }

    private static APIGatewayV2HTTPResponse toApiGateway(HttpResponse response, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        if (response.body() != null) {
            try {
                body = Json.mapper().writeValueAsString(response.body());
            } catch (JsonProcessingException e) {
                log.error("request {}: cannot write the response body", requestId, e);
                return toApiGateway(HttpResponse.error(500, "internal error"), requestId);
            }
            headers.put("content-type", "application/json");
        }
        headers.putAll(response.headers());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private record Route(RouteTemplate template, RouteHandler handler) {
    }

    private record Match(Route route, Map<String, String> pathParameters) {
    }

    /** 405: the path exists, not with this method. */
    private static final class MethodNotAllowed extends ClientError {
        private final List<String> allowed;

        MethodNotAllowed(String method, String path, Set<String> allowed) {
            super("method " + method + " not allowed on " + path);
            this.allowed = List.copyOf(allowed);
        }

        @Override
        public int status() {
            return 405;
        }
    }

    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private final Map<Class<? extends RuntimeException>, Integer> exceptionStatuses = new LinkedHashMap<>();

        /** The domain's refusals are the client's, with the statuses the domain documents. */
        private Builder() {
            exceptionStatuses.put(InvalidValue.class, 400);
            exceptionStatuses.put(mallbots.platform.domain.NotFound.class, 404);
            exceptionStatuses.put(RuleViolation.class, 409);
        }

        /** A route, e.g. {@code route("PUT /api/stores/{id}/rebrand", rebrand::handle)}. */
        public Builder route(String routeKey, RouteHandler handler) {
            routes.add(new Route(RouteTemplate.parse(routeKey), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * Answers an application's own exception (and its subclasses) with a 4xx status and its
         * message, so that use cases need not know about HTTP. Also overrides a domain default.
         */
        public Builder mapException(Class<? extends RuntimeException> type, int status) {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("only client errors (4xx) are mapped: " + status);
            }
            exceptionStatuses.put(Objects.requireNonNull(type, "type"), status);
            return this;
        }

        public HttpRouter build() {
            return new HttpRouter(routes, exceptionStatuses);
        }
    }
}
