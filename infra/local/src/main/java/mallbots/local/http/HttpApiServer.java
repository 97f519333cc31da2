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
 */
public final class HttpApiServer implements AutoCloseable {

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final HttpServer server;
    private final RouteTable routes;
    private final Function<String, HostedFunction> functions;
    private final Template.Cors cors;
    private final FlowConsole console;

    private HttpApiServer(HttpServer server, RouteTable routes, Function<String, HostedFunction> functions,
                          Template.Cors cors, FlowConsole console) {
        this.server = server;
        this.routes = routes;
        this.functions = functions;
        this.cors = cors;
        this.console = console;
    }

    public static HttpApiServer start(int port, List<Template.Route> routes, Function<String, HostedFunction> functions,
                                      Template.Cors cors, FlowConsole console) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the HTTP API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        HttpApiServer api = new HttpApiServer(server, new RouteTable(routes), functions, cors, console);
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
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (cors.enabled() && method.equals("OPTIONS") && exchange.getRequestHeaders().containsKey("Access-control-request-method")) {
                preflight(exchange);
                console.http(method, path, "CORS preflight", 204, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            Optional<RouteTable.Match> match = routes.match(method, path);
            if (match.isEmpty()) {
                respond(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                console.http(method, path, null, 404, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            HostedFunction function = functions.apply(match.get().route().functionName());
            HostedFunction.Invocation invocation = function.invoke(event(exchange, method, body, match.get()));
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

    private String event(HttpExchange exchange, String method, byte[] body, RouteTable.Match match) {
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
