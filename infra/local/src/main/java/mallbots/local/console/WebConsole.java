package mallbots.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Function;
import mallbots.local.dlq.DeadLetterQueues;
import mallbots.local.observe.Query;

/**
 * The local web console: one page (plain HTML, CSS and JavaScript from the classpath, and uPlot,
 * a small charting library, from its webjar) that shows the live flow, the queues and their
 * dead-letter queues with a redrive button, the trace of an order as a sequence picture, recent
 * errors and the metrics. It reads the same JSON views the endpoint serves under
 * {@code /_mallbots/} ({@link mallbots.local.Observability#views()}), plus {@value QueuesView#PATH},
 * and redrives with {@link DeadLetterQueues#redrive}, the code behind {@code ./mallbots dlq redrive}.
 *
 * <p>It listens on 127.0.0.1 only and answers only requests addressed to it by that name or
 * {@code localhost} (a page of another site that resolves its own name to 127.0.0.1 gets
 * nothing); a redrive must be a POST from the console's own page (its {@code Origin}, when the
 * browser sends one, is this server).
 */
public final class WebConsole implements AutoCloseable {

    public static final String REDRIVE_PATH = "/_mallbots/redrive";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "mallbots/local/console/web/";
    /** The uPlot files the page loads, served from the webjar on the classpath. */
    private static final Set<String> UPLOT_FILES = Set.of("uPlot.iife.min.js", "uPlot.min.css");
    private static final Map<String, String> PAGE_FILES = Map.of(
            "/", "index.html", "/console.js", "console.js", "/console.css", "console.css");

    private final HttpServer server;
    private final URI uri;
    private final Map<String, Function<String, String>> views;
    private final QueuesView queues;
    private final String uplotDirectory;

    private WebConsole(HttpServer server, Map<String, Function<String, String>> views, QueuesView queues) {
        this.server = server;
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.views = views;
        this.queues = queues;
        this.uplotDirectory = "META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/dist/";
    }

    /**
     * Starts the console on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @param views the read-only JSON views by path ({@code /_mallbots/trace}, ...), as the endpoint serves them
     */
    public static WebConsole start(int port, Map<String, Function<String, String>> views, QueuesView queues) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the web console on port " + port + " (--console-port): " + e.getMessage(), e);
        }
        Map<String, Function<String, String>> all = new LinkedHashMap<>(views);
        all.put(QueuesView.PATH, query -> queues.view());
        WebConsole console = new WebConsole(server, Map.copyOf(all), queues);
        server.createContext("/", console::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return console;
    }

    public URI uri() {
        return uri;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!addressedToUs(exchange)) {
                send(exchange, 403, "application/json", error("this console answers requests to 127.0.0.1 or localhost only"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(REDRIVE_PATH)) {
                redrive(exchange, method);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("allow", "GET");
                send(exchange, 405, "application/json", error("Method Not Allowed"));
                return;
            }
            Function<String, String> view = views.get(path);
            if (view != null) {
                send(exchange, 200, "application/json", view.apply(exchange.getRequestURI().getRawQuery()));
            } else if (PAGE_FILES.containsKey(path)) {
                sendResource(exchange, PAGE + PAGE_FILES.get(path));
            } else if (path.startsWith("/uplot/") && UPLOT_FILES.contains(path.substring("/uplot/".length()))) {
                sendResource(exchange, uplotDirectory + path.substring("/uplot/".length()));
            } else {
                send(exchange, 404, "application/json", error("Not Found"));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", error(e.toString()));
        }
    }

    /** {@code POST /_mallbots/redrive?queue=<dlq>}: moves the DLQ's messages back, as {@code ./mallbots dlq redrive}. */
    private void redrive(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("POST")) {
            exchange.getResponseHeaders().set("allow", "POST");
            send(exchange, 405, "application/json", error("redrive is a POST"));
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("origin");
        if (origin != null && !isUs(origin.replaceFirst("^http://", ""))) {
            send(exchange, 403, "application/json", error("redrive only from the console's own page"));
            return;
        }
        String queue = Query.parse(exchange.getRequestURI().getRawQuery()).getOrDefault("queue", "");
        try {
            int moved = queues.redrive(queue);
            ObjectNode answer = JSON.createObjectNode().put("queue", queue).put("moved", moved);
            send(exchange, 200, "application/json", answer.toString());
        } catch (IllegalArgumentException | IllegalStateException e) {
            send(exchange, 400, "application/json", error(e.getMessage()));
        }
    }

    private boolean addressedToUs(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("host");
        return host != null && isUs(host);
    }

    private boolean isUs(String hostAndPort) {
        int port = server.getAddress().getPort();
        return hostAndPort.equals("127.0.0.1:" + port) || hostAndPort.equals("localhost:" + port);
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }

    private static void sendResource(HttpExchange exchange, String resource) throws IOException {
        try (InputStream in = WebConsole.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                send(exchange, 404, "application/json", error("Not Found"));
                return;
            }
            String type = resource.endsWith(".html") ? "text/html; charset=utf-8"
                    : resource.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("content-type", type);
        exchange.getResponseHeaders().set("cache-control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The version of a webjar on the classpath (from its Maven properties): the pom names it once. */
    private static String webjarVersion(String artifactId) {
        String resource = "META-INF/maven/org.webjars.npm/" + artifactId + "/pom.properties";
        try (InputStream in = WebConsole.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the webjar " + artifactId + " is not on the classpath (" + resource + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
