package mallbots.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the local cloud's usage counters ({@code GET <endpoint>/_mallbots/usage}: the
 * billable AWS requests it counted, the CPU time of its processes and of each function).
 */
record Usage(JsonNode json) {

    static final String PATH = "/_mallbots/usage";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The counters now; empty if the endpoint does not serve them (a deployed stack, another emulator). */
    static Optional<Usage> read(URI endpoint) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(PATH))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new Usage(Api.JSON.readTree(response.body())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The number at a JSON pointer ("/lambda/invocations"); 0 if absent. */
    double at(String pointer) {
        return json.at(pointer).asDouble(0);
    }

    boolean has(String pointer) {
        return !json.at(pointer).isMissingNode();
    }

    /** How much the number at {@code pointer} grew since {@code before}. */
    double since(Usage before, String pointer) {
        return at(pointer) - before.at(pointer);
    }

    /** Per function (by name), how much the number {@code field} of its entry grew since {@code before}. */
    Map<String, Double> perFunctionSince(Usage before, String field) {
        Map<String, Double> grown = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> functions = json.path("lambda").path("byFunction").properties().iterator();
        while (functions.hasNext()) {
            Map.Entry<String, JsonNode> function = functions.next();
            double was = before.json.path("lambda").path("byFunction").path(function.getKey()).path(field).asDouble(0);
            grown.put(function.getKey(), function.getValue().path(field).asDouble(0) - was);
        }
        return grown;
    }

    /** Lambda invocations and PutEvents entries so far: when these stop growing, the system is quiet. */
    double activity() {
        return at("/lambda/invocations") + at("/eventBridge/entries");
    }
}
