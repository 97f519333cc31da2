package mallbots.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The HTTP API as a customer (or a bot) calls it: JSON in, JSON out, each call timed, with its bearer token. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final String bearer;

    private Api(URI base, HttpClient http, String bearer) {
        this.base = base;
        this.http = http;
        this.bearer = bearer;
    }

    /** The same API called with this bearer token. */
    public Api as(String bearerToken) {
        return new Api(base, http, bearerToken);
    }

    public Api(URI base, int connections) {
        this.base = base;
        this.bearer = null;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, Math.min(connections, 8)),
                        Thread.ofPlatform().daemon().name("bench-http-", 0).factory()))
                .build();
    }

    /** One answer: status, body (null when empty or not JSON), when the request went out and came back. */
    public record Answer(int status, JsonNode body, Instant sent, Instant answered) {

        public String text(String field) {
            return body == null ? "" : body.path(field).asText("");
        }
    }

    /** @throws ApiFailure if the API cannot be reached or does not answer in time */
    public Answer call(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").method(method, publisher);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest request = builder.build();
        Instant sent = Instant.now();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiFailure("io", method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted", method + " " + path);
        }
        Instant answered = Instant.now();
        JsonNode json = null;
        if (response.body().length > 0) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
        }
        return new Answer(response.statusCode(), json, sent, answered);
    }

    /** A call that must answer {@code expected}, else the order fails with that kind of error. */
    Answer expect(int expected, String step, String method, String path, Object body) {
        Answer answer = call(method, path, body);
        if (answer.status() != expected) {
            throw new ApiFailure(step + " " + answer.status(), method + " " + path + " answered " + answer.status()
                    + " " + (answer.body() == null ? "" : answer.body().toString()));
        }
        return answer;
    }

    /** Why an order failed; {@code kind} groups failures in the report (e.g. "checkout 500", "timeout approved"). */
    public static final class ApiFailure extends RuntimeException {

        private final String kind;

        ApiFailure(String kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
