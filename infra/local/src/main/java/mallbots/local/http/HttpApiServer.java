package mallbots.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;
import mallbots.local.auth.JwtCheck;
import mallbots.local.auth.LocalIssuer;
import mallbots.local.console.FlowConsole;
import mallbots.local.lambda.HostedFunction;
import mallbots.local.lambda.LambdaPayloads;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;

/**
 * The HTTP API on one port, as API Gateway's HTTP API with payload format 2.0 presents it to a
 * function: the request becomes the v2.0 event (lower-case headers, query string and path
 * parameters, requestContext), the function's answer becomes the response. No route is a 404
 * {@code {"message":"Not Found"}}, a failed function a 500 {@code {"message":"Internal Server Error"}}.
 * A route with a JWT authorizer is guarded as API Gateway guards it ({@link JwtCheck}: 401
 * {@code {"message":"Unauthorized"}}, 403 {@code {"message":"Forbidden"}}), and the verified
 * claims reach the function in {@code requestContext.authorizer.jwt}. The local issuer's keys are
 * served at {@code /.well-known/jwks.json} (and its discovery document beside it).
 */
public final class HttpApiServer implements AutoCloseable {

    /** API Gateway's HTTP API payload limit. */
    private static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final HttpServer server;
    private final RouteTable routes;
    private final Function<String, HostedFunction> functions;
    private final Template.Cors cors;
    private final FlowConsole console;
    private final LocalIssuer issuer;
    private final Map<String, JwtCheck> checks = new java.util.concurrent.ConcurrentHashMap<>();

    private HttpApiServer(HttpServer server, RouteTable routes, Function<String, HostedFunction> functions,
                          Template.Cors cors, FlowConsole console, LocalIssuer issuer) {
        this.issuer = issuer;
        this.server = server;
        this.routes = routes;
        this.functions = functions;
        this.cors = cors;
        this.console = console;
    }

    public static HttpApiServer start(int port, List<Template.Route> routes, Function<String, HostedFunction> functions,
                                      Template.Cors cors, FlowConsole console, LocalIssuer issuer) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the HTTP API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        HttpApiServer api = new HttpApiServer(server, new RouteTable(routes), functions, cors, console, issuer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            // API Gateway's HTTP API refuses a payload over 10 MB itself
            byte[] body = exchange.getRequestBody().readNBytes(MAX_PAYLOAD + 1);
            if (body.length > MAX_PAYLOAD) {
                respond(exchange, 413, Map.of("content-type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                console.http(method, path, null, 413, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            if (cors.enabled() && method.equals("OPTIONS") && exchange.getRequestHeaders().containsKey("Access-control-request-method")) {
                preflight(exchange);
                console.http(method, path, "CORS preflight", 204, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            if (method.equals("GET") && servedAsIssuer(exchange, path)) {
                console.http(method, path, "local issuer", 200, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            Optional<RouteTable.Match> match;
            try {
                match = routes.match(method, path);
            } catch (IllegalArgumentException badEscape) {
                respond(exchange, 400, Map.of("content-type", "application/json"),
                        "{\"message\":\"path: malformed percent-encoding\"}".getBytes(StandardCharsets.UTF_8));
                console.http(method, path, null, 400, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            java.util.Set<String> allowed = match.isEmpty() ? routes.methodsFor(path) : java.util.Set.of();
            if (!allowed.isEmpty()) {
                // the path has routes, not for this method: 405 naming those it has
                respond(exchange, 405, Map.of("content-type", "application/json", "allow", String.join(", ", allowed)),
                        "{\"message\":\"Method Not Allowed\"}".getBytes(StandardCharsets.UTF_8));
                console.http(method, path, null, 405, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            if (match.isEmpty()) {
                respond(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                console.http(method, path, null, 404, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            Optional<JwtCheck.Allowed> caller = Optional.empty();
            Template.Route route = match.get().route();
            if (route.authorizer().isPresent()) {
                JwtCheck check = checks.computeIfAbsent(route.authorizer().get().name(),
                        name -> JwtCheck.of(route.authorizer().get(), issuer));
                JwtCheck.Outcome outcome = check.check(Optional.ofNullable(
                        exchange.getRequestHeaders().getFirst(route.authorizer().get().identityHeader())), route.scopes());
                if (outcome instanceof JwtCheck.Refused refused) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("content-type", "application/json");
                    if (refused.status() == 401) {
                        headers.put("www-authenticate", "Bearer");
                    }
                    respond(exchange, refused.status(), headers, (refused.status() == 401 ? "{\"message\":\"Unauthorized\"}"
                            : "{\"message\":\"Forbidden\"}").getBytes(StandardCharsets.UTF_8));
                    console.http(method, path, "authorizer: " + refused.reason(), refused.status(),
                            Duration.ofNanos(System.nanoTime() - start));
                    return;
                }
                caller = Optional.of((JwtCheck.Allowed) outcome);
            }
            HostedFunction function = functions.apply(route.functionName());
            HostedFunction.Invocation invocation = function.invoke(event(exchange, method, body, match.get(), caller));
            int status = invocation.failed() ? 500 : answer(exchange, invocation.output());
            if (invocation.failed()) {
                console.functionLog(function.name(), invocation.errorText());
                respond(exchange, 500, Map.of("content-type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            }
            console.http(method, path, function.name(), status, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            console.warn("HTTP " + method + " " + path + " failed in the local cloud: " + e);
            respond(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The issuer's discovery document and JWKS, as an OpenID provider serves them. */
    private boolean servedAsIssuer(HttpExchange exchange, String path) throws IOException {
        String self = uri().toString();
        String json = switch (path) {
            case "/.well-known/jwks.json" -> issuer.publicKeys().toString();
            case "/.well-known/openid-configuration" -> LambdaPayloads.JSON.createObjectNode()
                    .put("issuer", self).put("jwks_uri", self + "/.well-known/jwks.json").toString();
            default -> null;
        };
        if (json == null) {
            return false;
        }
        respond(exchange, 200, Map.of("content-type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private String event(HttpExchange exchange, String method, byte[] body, RouteTable.Match match,
                         Optional<JwtCheck.Allowed> caller) {
        URI uri = exchange.getRequestURI();
        ObjectNode event = LambdaPayloads.JSON.createObjectNode();
        String routeKey = match.route().path().equals("$default") ? "$default" : match.route().routeKey();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", Optional.ofNullable(uri.getRawQuery()).orElse(""));
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";")).forEach(c -> cookies.add(c.strip())));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        if (!headers.has("x-amzn-trace-id")) {
            // API Gateway starts a trace for a request that has none; the flow carries it on
            headers.put("x-amzn-trace-id", newTraceHeader());
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", TemplateReader.ACCOUNT_ID);
        context.put("apiId", match.route().apiLogicalId());
        context.put("domainName", exchange.getRequestHeaders().getFirst("Host"));
        context.put("domainPrefix", "local");
        caller.ifPresent(allowed -> {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claims = jwt.putObject("claims");
            allowed.claims().forEach(claims::put);
            allowed.scopes().forEach(jwt.putArray("scopes")::add);
        });
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", now.format(REQUEST_TIME));
        context.put("timeEpoch", now.toInstant().toEpochMilli());
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Writes the function's answer: a v2 response object, or any other JSON as a 200 body. Returns the status. */
    private int answer(HttpExchange exchange, String output) throws IOException {
        JsonNode response = LambdaPayloads.tree(output);
        if (response == null || response.isNull()) {
            respond(exchange, 200, Map.of(), new byte[0]);
            return 200;
        }
        if (!response.isObject() || !response.has("statusCode")) {
            byte[] body = (response.isTextual() ? response.asText() : response.toString()).getBytes(StandardCharsets.UTF_8);
            respond(exchange, 200, Map.of("content-type", "application/json"), body);
            return 200;
        }
        int status = response.path("statusCode").asInt(200);
        Headers headers = exchange.getResponseHeaders();
        response.path("headers").properties().forEach(e -> headers.add(e.getKey(), e.getValue().asText()));
        response.path("multiValueHeaders").properties().forEach(e -> e.getValue().forEach(v -> headers.add(e.getKey(), v.asText())));
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asText()));
        String text = response.path("body").isNull() ? "" : response.path("body").asText("");
        byte[] body = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        respond(exchange, status, Map.of(), body);
        return status;
    }

    /** An X-Ray trace header: Root=1-{epoch seconds, 8 hex}-{96 random bits, 24 hex}. */
    static String newTraceHeader() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%08x%08x%08x", System.currentTimeMillis() / 1000,
                random.nextInt(), random.nextInt(), random.nextInt());
    }

    private void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (cors.enabled() && origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin",
                    cors.allowOrigins().contains("*") ? "*" : cors.allowOrigins().contains(origin) ? origin : "null");
        }
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void preflight(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Methods", String.join(",", cors.allowMethods()));
        headers.set("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
        respond(exchange, 204, Map.of(), new byte[0]);
    }

    /** API Gateway joins repeated query parameters with commas. */
    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService executor) {
            executor.shutdownNow();
        }
    }
}
