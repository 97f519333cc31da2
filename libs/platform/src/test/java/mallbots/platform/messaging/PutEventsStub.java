package mallbots.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.platform.testing.LocalAws;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A PutEvents endpoint speaking the AWSEvents JSON 1.1 protocol that fails the entries a test
 * chooses, by message id (read from the detail's metadata), or whole calls. It exists for fault
 * injection only: a real bus cannot be told to throttle one chosen entry.
 */
final class PutEventsStub implements AutoCloseable {

    /** One entry as the stub received it. */
    record ReceivedEntry(String busName, String source, String detailType, String detail, String messageId,
            String traceHeader) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Deque<String>> entryErrors = new HashMap<>();
    private final Deque<String> callErrors = new ArrayDeque<>();
    private final List<List<ReceivedEntry>> requests = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    PutEventsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client of this stub that does not retry by itself, so that only the publisher retries. */
    EventBridgeClient client() {
        return EventBridgeClient.builder()
                .endpointOverride(endpoint())
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The entry of this message id fails with these error codes, one per attempt, then succeeds. */
    synchronized PutEventsStub failEntry(String messageId, String... errorCodes) {
        entryErrors.computeIfAbsent(messageId, id -> new ArrayDeque<>()).addAll(List.of(errorCodes));
        return this;
    }

    /** The next calls fail as a whole, e.g. "500 InternalException" or "400 ThrottlingException". */
    synchronized PutEventsStub failCalls(String... statusAndType) {
        callErrors.addAll(List.of(statusAndType));
        return this;
    }

    synchronized List<List<ReceivedEntry>> requests() {
        return List.copyOf(requests);
    }

    /** Every acceptance of a message id, in order; a duplicate would show twice. */
    synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || !"AWSEvents.PutEvents".equals(target)) {
                reply(exchange, 400, error("UnknownOperationException", "only AWSEvents.PutEvents: " + target));
                return;
            }
            JsonNode request = mapper.readTree(exchange.getRequestBody());
            reply(exchange, request);
        }
    }

    private synchronized void reply(HttpExchange exchange, JsonNode request) throws IOException {
        List<ReceivedEntry> received = new ArrayList<>();
        for (JsonNode entry : request.path("Entries")) {
            received.add(new ReceivedEntry(entry.path("EventBusName").asText(null), entry.path("Source").asText(null),
                    entry.path("DetailType").asText(null), entry.path("Detail").asText(null),
                    messageId(entry.path("Detail").asText("{}")), entry.path("TraceHeader").asText(null)));
        }
        requests.add(received);
        if (!callErrors.isEmpty()) {
            String[] statusAndType = callErrors.poll().split(" ", 2);
            reply(exchange, Integer.parseInt(statusAndType[0]), error(statusAndType[1], "injected by the test"));
            return;
        }
        ObjectNode response = mapper.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (ReceivedEntry entry : received) {
            Deque<String> errors = entryErrors.get(entry.messageId());
            String code = errors == null || errors.isEmpty() ? null
                    : errors.size() == 1 && errors.peek().startsWith("always:") ? errors.peek().substring(7) : errors.poll();
            if (code == null) {
                accepted.add(entry.messageId());
                results.addObject().put("EventId", UUID.randomUUID().toString());
            } else {
                failed++;
                results.addObject().put("ErrorCode", code).put("ErrorMessage", "injected " + code);
            }
        }
        response.put("FailedEntryCount", failed);
        reply(exchange, 200, response);
    }

    private String messageId(String detail) {
        try {
            return mapper.readTree(detail).path("metadata").path("messageId").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private ObjectNode error(String type, String message) {
        return mapper.createObjectNode().put("__type", type).put("message", message);
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
