package mallbots.emulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
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

    /** Headers that describe one hop only, or that the URL connection sets itself. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date");

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /** SQS long polls last up to 20 s. */
    private static final int READ_TIMEOUT_MILLIS = 120_000;

    void forward(HttpExchange exchange, byte[] body, URI service) throws IOException {
        forward(exchange, body, service, (answer, status) -> { });
    }

    /**
     * Forwards, and shows the service's answer and status to {@code answered} before passing them on.
     * The JDK's URL connection (blocking, with its keep-alive pool) costs a fraction of the CPU
     * of {@code java.net.http.HttpClient} per small request: this runs for every DynamoDB and
     * SQS call of every function.
     */
    void forward(HttpExchange exchange, byte[] body, URI service, ObjIntConsumer<byte[]> answered) throws IOException {
        HttpURLConnection connection = send(exchange, body, service);
        int status = connection.getResponseCode();
        byte[] answer = readAnswer(connection, status);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null && !HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        answered.accept(answer, status);
        boolean noBody = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : answer.length);
        if (!noBody) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** Passes the request on and reads the answer, which the caller never gets (a fault: the answer is lost). */
    void forwardAndDiscard(HttpExchange exchange, byte[] body, URI service) throws IOException {
        HttpURLConnection connection = send(exchange, body, service);
        readAnswer(connection, connection.getResponseCode());
    }

    private static HttpURLConnection send(HttpExchange exchange, byte[] body, URI service) throws IOException {
        URI requested = exchange.getRequestURI();
        URI target = service.resolve(requested.getRawPath()
                + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(exchange.getRequestMethod());
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> connection.addRequestProperty(header.getKey(), value));
            }
        }
        if (body.length > 0) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        return connection;
    }

    private static byte[] readAnswer(HttpURLConnection connection, int status) throws IOException {
        // Reading the whole answer and closing its stream hands the connection back to the pool.
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }
}
