package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWSEvents JSON 1.1 protocol over HTTP: {@code X-Amz-Target: AWSEvents.<Operation>}, a
 * JSON body in, a JSON body out; errors as HTTP 400 with {@code __type} and {@code message}.
 */
public final class EventBridgeHttpHandler {

    public static final String TARGET_PREFIX = "AWSEvents.";
    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeHttpHandler.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final EventBridge eventBridge;
    private final ObjectMapper json = new ObjectMapper();
    private final BiConsumer<String, JsonNode> requests;

    public EventBridgeHttpHandler(EventBridge eventBridge) {
        this(eventBridge, (operation, request) -> { });
    }

    /** @param requests told of each operation and its parsed request (e.g. to count PutEvents entries) */
    public EventBridgeHttpHandler(EventBridge eventBridge, BiConsumer<String, JsonNode> requests) {
        this.eventBridge = eventBridge;
        this.requests = requests;
    }

    /** Answers a request whose body has been read already. */
    public void handle(HttpExchange exchange, String amzTarget, byte[] body) throws IOException {
        String operation = amzTarget.substring(TARGET_PREFIX.length());
        int status;
        JsonNode response;
        try {
            JsonNode request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            requests.accept(operation, request);
            response = eventBridge.call(operation, request);
            status = 200;
        } catch (EventBridgeException e) {
            status = 400;
            response = error(exchange, e.errorType(), e.getMessage());
        } catch (IOException e) {
            status = 400;
            response = error(exchange, "SerializationException", "the request body is not JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("EventBridge {} failed", operation, e);
            status = 500;
            response = error(exchange, "InternalException", String.valueOf(e));
        }
        byte[] bytes = json.writeValueAsBytes(response);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private JsonNode error(HttpExchange exchange, String type, String message) {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        return json.createObjectNode().put("__type", type).put("message", message);
    }
}
