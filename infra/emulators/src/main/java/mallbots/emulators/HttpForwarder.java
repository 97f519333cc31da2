package mallbots.emulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Passes a request on to a service behind the single endpoint (dynalite, ElasticMQ) and its
 * answer back: method, path, query, body and headers, status, headers and body.
 */
final class HttpForwarder {

    /** Headers the JDK client sets itself, or that describe one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    void forward(HttpExchange exchange, byte[] body, URI service) throws IOException {
        forward(exchange, body, service, (answer, status) -> { });
    }

    /** Forwards, and shows the service's answer and status to {@code answered} before passing them on. */
    void forward(HttpExchange exchange, byte[] body, URI service, ObjIntConsumer<byte[]> answered) throws IOException {
        URI requested = exchange.getRequestURI();
        URI target = service.resolve(requested.getRawPath()
                + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(2)) // SQS long polls last up to 20 s
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + service, e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        answered.accept(answer, response.statusCode());
        boolean noBody = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
        if (!noBody) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
