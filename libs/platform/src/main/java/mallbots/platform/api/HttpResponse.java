package mallbots.platform.api;

import java.util.LinkedHashMap;
import java.util.Map;
import mallbots.platform.messaging.Nullable;

/**
 * What a route answers: a status, a body written as JSON (none for 204), extra headers.
 *
 * @param body any value the project's mapper can write; null for no body
 */
public record HttpResponse(int status, @Nullable Object body, Map<String, String> headers) {

    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        headers = Map.copyOf(headers);
    }

    public static HttpResponse ok(Object body) {
        return of(200, body);
    }

    public static HttpResponse created(Object body) {
        return of(201, body);
    }

    public static HttpResponse accepted(Object body) {
        return of(202, body);
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, null, Map.of());
    }

    public static HttpResponse of(int status, Object body) {
        return new HttpResponse(status, body, Map.of());
    }

    /** The answer to a refused request: {"message": ...}. */
    public static HttpResponse error(int status, String message) {
        return of(status, new ErrorBody(message == null || message.isBlank() ? "request refused" : message));
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, body, more);
    }

    /** The body of every error answer. */
    public record ErrorBody(String message) {
    }
}
